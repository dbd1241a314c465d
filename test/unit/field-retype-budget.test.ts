import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { retypeField } from '../../electron/workspace/retype-field';
import { tempDir } from '../support/temp';

let db: Db;

beforeEach(() => {
  db = openDatabase(path.join(tempDir('tailor-retype-budget-'), 'workspace.tailor'), { create: true });
  db.exec(`
    INSERT INTO customer_fields (key, label, created_at) VALUES ('score', 'Score', '2026-01-01');
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 100)
    INSERT INTO customers (id, email, attributes, created_at, updated_at)
    SELECT printf('S%03d', i), printf('s%03d@example.com', i), json_object('score', CAST(i AS TEXT)), '2026-01-01', '2026-01-01' FROM seq;`);
});
afterEach(() => db.close());

/** A clock that moves `step` ms each time it is read: each chunk "takes" that long. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

/** Re-type `score` to number and return where each slice ended (the job's progress after each one). */
async function sliceEnds(tuning: Parameters<typeof retypeField>[3], abort = false): Promise<number[]> {
  const ends: number[] = [];
  const controller = new AbortController();
  const report = await retypeField(
    db,
    { key: 'score', type: 'number' },
    {
      signal: controller.signal,
      progress: ({ done }) => {
        if (done !== undefined && done > 0) ends.push(done);
        if (abort && ends.length === 1) controller.abort();
      },
    },
    tuning,
  );
  expect(report.status).toBe(abort ? 'cancelled' : 'succeeded');
  return ends;
}

const typedScores = () => db.prepare(`SELECT count(*) FROM customers WHERE json_extract(typed, '$.score') IS NOT NULL`).pluck().get();

describe('re-typing a field in time-budgeted slices', () => {
  it('a slice stops at its budget: with chunks of 10 rows "taking" 20 ms, a 50 ms slice covers 3 chunks', async () => {
    // Each chunk reads the clock once: 20, 40 (< 50: go on), 60 (spent: commit and yield).
    expect(await sliceEnds({ budgetMs: 50, chunk: 10, now: steppingClock(20) })).toEqual([30, 60, 90, 100]);
    expect(typedScores()).toBe(100);
  });

  it('a slower clock means smaller slices, a generous budget one slice', async () => {
    expect(await sliceEnds({ budgetMs: 50, chunk: 10, now: steppingClock(60) })).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(await sliceEnds({ budgetMs: 60_000, chunk: 10, now: steppingClock(1) })).toEqual([100]);
  });

  it('a cancel after the first slice puts the old typing back on the rows done', async () => {
    await sliceEnds({ budgetMs: 50, chunk: 10, now: steppingClock(20) }, true);
    expect(db.prepare(`SELECT type, locale FROM customer_fields WHERE key = 'score'`).get()).toEqual({ type: 'text', locale: null });
    expect(typedScores()).toBe(0);
  });
});
