import { describe, expect, it } from 'vitest';
import { customerScores, replaceModelScores, scoreRun } from '../../electron/workspace/scores/score-store';
import { useWorkspaceDb } from '../support/workspace-db';

describe('score store', () => {
  const ws = useWorkspaceDb();

  it('replaces a model run whole and reads scores back by token name', () => {
    const db = ws.db;
    db.prepare(`INSERT INTO customers (id, created_at, updated_at) VALUES ('a', 'x', 'x'), ('b', 'x', 'x')`).run();
    const run = { model: 'rfm' as const, asOf: '2026-06-30', modelVersion: 'rfm-1', settings: { bins: 5 }, summary: {} };
    replaceModelScores(db, run, [
      { customerId: 'a', scores: { rfm_tier: 'Champions', rfm_r: 5, rfm_f: 4, rfm_m: 5 } },
      { customerId: 'b', scores: { rfm_tier: 'Lost', rfm_r: 1, rfm_f: 1, rfm_m: 1 } },
    ]);
    replaceModelScores(db, { ...run, modelVersion: 'rfm-2' }, [{ customerId: 'b', scores: { rfm_tier: 'About to sleep', rfm_r: 2 } }]);
    expect(customerScores(db, 'a')).toEqual({});
    expect(customerScores(db, 'b')).toEqual({ rfm_tier: 'About to sleep', rfm_r: 2 });
    expect(scoreRun(db, 'rfm')).toMatchObject({ asOf: '2026-06-30', modelVersion: 'rfm-2', settings: { bins: 5 } });
    expect(scoreRun(db, 'intent')).toBeNull();
  });

  it("leaves another model's scores alone and goes with a deleted customer", () => {
    const db = ws.db;
    db.prepare(`INSERT INTO customers (id, created_at, updated_at) VALUES ('a', 'x', 'x')`).run();
    replaceModelScores(db, { model: 'intent', asOf: '2026-06-30', modelVersion: 'i1', settings: {}, summary: {} }, [
      { customerId: 'a', scores: { intent_score: 13 } },
    ]);
    replaceModelScores(db, { model: 'rfm', asOf: '2026-06-30', modelVersion: 'r1', settings: {}, summary: {} }, [
      { customerId: 'a', scores: { rfm_tier: 'Loyal' } },
    ]);
    expect(customerScores(db, 'a')).toEqual({ intent_score: 13, rfm_tier: 'Loyal' });
    db.prepare(`DELETE FROM customers WHERE id = 'a'`).run();
    expect(db.prepare('SELECT count(*) FROM customer_scores').pluck().get()).toBe(0);
  });
});
