import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../electron/services/app';
import { openDatabase } from '../../electron/workspace/db';
import { ruleFilter } from '../../electron/workspace/segments-repo';
import { addDays } from '../../shared/segments/compile/dates';
import type { RuleTree } from '../../shared/segments/rule-tree';
import { BENCH_AS_OF, generateSegmentsWorkspace, sizesFromEnv } from './segments-workspace';

/**
 * segments: on a generated workspace (1M customers, 5M orders, 10M events by
 * default; SEG_CUSTOMERS / SEG_ORDERS / SEG_EVENTS scale it down):
 * (a) a rule segment's count, "≥ 2 orders in the last 90 days AND
 *     product_view in category shoes in the last 7 days AND country = FR",
 *     compiled by compileTree and run by SQLite in process, against the same
 *     count written by hand and run by the sqlite3 command line on the same
 *     file (goal ≤ 1.5×; each the median of RUNS runs);
 * (b) the live count while editing: segments.count through the app (contract,
 *     dispatch, compile, count and 5 sample members) for a series of edits of
 *     that rule; every answer within 200 ms.
 */
const SQLITE3 = '/usr/bin/sqlite3';
const RUNS = 5;
const LIVE_BUDGET_MS = 200;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function rule({ orders = 2, ordersDays = 90, views = 1, viewDays = 7, category = 'shoes', country = 'FR' } = {}): RuleTree {
  return {
    kind: 'group',
    combinator: 'and',
    negate: false,
    children: [
      { kind: 'orders', measure: 'count', op: 'gte', value: String(orders), windowDays: ordersDays, category: null },
      {
        kind: 'events',
        did: true,
        eventType: 'product_view',
        category,
        product: null,
        countOp: 'at_least',
        times: views,
        windowDays: viewDays,
      },
      { kind: 'field', field: 'country', op: 'equals', value: country, values: [] },
    ],
  };
}

/** What an analyst would write for the same segment: the candidates from the week's shoe views, their orders counted. */
function handWritten(): string {
  const next = addDays(BENCH_AS_OF, 1);
  return `SELECT count(*) FROM customers c
    WHERE c.id IN (SELECT customer_id FROM events WHERE type = 'product_view' AND category = 'shoes' COLLATE NOCASE
                   AND occurred_at >= '${addDays(BENCH_AS_OF, -6)}' AND occurred_at < '${next}')
      AND (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.ordered_at >= '${addDays(BENCH_AS_OF, -89)}' AND o.ordered_at < '${next}') >= 2
      AND c.typed ->> '$.country.code' = 'FR';`;
}

/** The hand-written count through the sqlite3 command line: its own timer's wall times, and the count. */
function sqlite3Runs(file: string): { ms: number[]; count: number } {
  const script = ['.timer on', ...Array.from({ length: RUNS }, handWritten)].join('\n');
  const result = spawnSync(SQLITE3, ['-readonly', file], { input: script, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  const ms = [...result.stdout.matchAll(/Run Time: real ([\d.]+)/g)].map((match) => Number(match[1]) * 1000);
  const count = Number(result.stdout.split('\n')[0]);
  return { ms, count };
}

export async function benchSegments(): Promise<void> {
  const sizes = sizesFromEnv();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-segments-'));
  const file = path.join(dir, 'segments.tailor');
  try {
    const generated = generateSegmentsWorkspace(file, sizes);
    generated.db.close();
    const label = `${(sizes.customers / 1e6).toFixed(2)}M/${(sizes.orders / 1e6).toFixed(1)}M/${(sizes.events / 1e6).toFixed(1)}M`;
    console.log(
      `${'segments.generate'.padEnd(18)} ${label.padEnd(22)} ${sizes.customers.toLocaleString('en-US')} customers, ${sizes.orders.toLocaleString('en-US')} orders, ` +
        `${sizes.events.toLocaleString('en-US')} events in ${(generated.ms / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e9).toFixed(2)} GB)`,
    );

    // (a) compileTree + SQLite against the hand-written SQL in the sqlite3 shell, alternating so load hits both alike.
    if (!fs.existsSync(SQLITE3)) {
      console.log(`${'segments.count'.padEnd(18)} skipped: no ${SQLITE3} (apt-get install sqlite3)`);
    } else {
      const db = openDatabase(file, { create: false });
      const ours: number[] = [];
      let count = 0;
      const reference = sqlite3Runs(file); // warms the page cache for both
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const { where, params } = ruleFilter(db, rule(), BENCH_AS_OF);
        count = db
          .prepare(`SELECT count(*) FROM customers WHERE ${where}`)
          .pluck()
          .get(...params) as number;
        ours.push(performance.now() - started);
      }
      const again = sqlite3Runs(file);
      db.close();
      if (again.count !== count) throw new Error(`segments.count: Tailor counted ${count}, the hand-written SQL ${again.count}`);
      const theirs = median([...reference.ms, ...again.ms]);
      console.log(
        `${'segments.count'.padEnd(18)} ${label.padEnd(22)} tailor ${median(ours).toFixed(1).padStart(7)} ms   sqlite3 ${theirs.toFixed(1).padStart(7)} ms   ` +
          `ratio ${(median(ours) / theirs).toFixed(2)}x   (${count} members; goal ≤ 1.5x)`,
      );
    }

    // (b) the live count while editing, through the app.
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.open', { path: file });
      const edits = [
        rule(),
        rule({ orders: 3 }),
        rule({ orders: 3, ordersDays: 60 }),
        rule({ orders: 3, ordersDays: 60, viewDays: 14 }),
        rule({ orders: 2, ordersDays: 60, viewDays: 14, views: 2 }),
        rule({ viewDays: 14, views: 2, country: 'DE' }),
        rule({ viewDays: 30, country: 'DE', category: 'bags' }),
        rule({ viewDays: 30, country: 'ES', category: 'bags', orders: 1 }),
      ];
      const times: number[] = [];
      for (const edit of edits) {
        const started = performance.now();
        await app.client.call('segments.count', { rule: edit, asOf: BENCH_AS_OF, sample: 5 });
        times.push(performance.now() - started);
      }
      const worst = Math.max(...times);
      console.log(
        `${'segments.live'.padEnd(18)} ${label.padEnd(22)} segments.count while editing (${edits.length} edits, 5 sample members): median ${median(times).toFixed(1)} ms, ` +
          `worst ${worst.toFixed(1)} ms (budget ${LIVE_BUDGET_MS} ms${worst > LIVE_BUDGET_MS ? ': OVER' : ''})`,
      );
    } finally {
      await app.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('segments.ts')) void benchSegments();
