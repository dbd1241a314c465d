import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type TailorApp } from '../../electron/services/app';
import type { RuleTree } from '../../shared/segments/rule-tree';
import { BENCH_AS_OF, CATEGORIES, generateSegmentsWorkspace, sizesFromEnv } from './segments-workspace';

/**
 * segments.calls: what the Segments view and the studio's token catalogue ask
 * for on every visit, on the segment benchmark's generated workspace
 * (SEG_CUSTOMERS / SEG_ORDERS / SEG_EVENTS; here 1M / 2M / 4M by default)
 * with every customer holding an RFM tier and a cluster, and ten saved
 * segments over fields, orders, events, scores and other segments:
 * segments.list (every segment counted), segments.vocabulary (names of event
 * types, categories and products), tokens.computed (the labels every label
 * score holds) and tokens.customer. Each call is timed cold (first call after
 * a segment was saved, which changes the data the answers depend on) and warm
 * (median of RUNS calls with nothing changed).
 *
 *   npx tsx test/bench/segment-calls.ts
 *
 * KEEP_WORKSPACE=1 keeps the generated file in the temp folder and reuses it
 * on the next run (so a before/after comparison measures the same data).
 */
const RUNS = 5;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const group = (children: RuleTree['children']): RuleTree => ({ kind: 'group', combinator: 'and', negate: false, children });

/** "did (not) <type> in <category> at least once in the last <days> days". */
const events = (did: boolean, eventType: string, category: string | null, windowDays: number): RuleTree['children'][number] => ({
  kind: 'events',
  did,
  eventType,
  category,
  product: null,
  countOp: 'at_least',
  times: 1,
  windowDays,
});

const SEGMENTS: { name: string; rule: RuleTree }[] = [
  { name: 'France', rule: group([{ kind: 'field', field: 'country', op: 'equals', value: 'FR', values: [] }]) },
  { name: 'Nordics', rule: group([{ kind: 'field', field: 'country', op: 'in_list', value: '', values: ['SE', 'NL'] }]) },
  {
    name: 'Repeat buyers',
    rule: group([{ kind: 'orders', measure: 'count', op: 'gte', value: '2', windowDays: 365, category: null }]),
  },
  { name: 'Big spenders', rule: group([{ kind: 'orders', measure: 'total', op: 'gt', value: '600', windowDays: null, category: null }]) },
  { name: 'Shoe browsers', rule: group([events(true, 'product_view', 'shoes', 30)]) },
  { name: 'Silent', rule: group([events(false, 'email_open', null, 60)]) },
  { name: 'Champions', rule: group([{ kind: 'score', score: 'rfm_tier', op: 'equals', value: 'Champions', values: [] }]) },
  { name: 'Cluster one', rule: group([{ kind: 'score', score: 'cluster', op: 'equals', value: 'Cluster 1', values: [] }]) },
  {
    name: 'Lapsed',
    rule: group([{ kind: 'orders', measure: 'last_order', op: 'more_than_days_ago', value: '180', windowDays: null, category: null }]),
  },
  { name: 'City 7', rule: group([{ kind: 'field', field: 'city', op: 'equals', value: 'City 7', values: [] }]) },
];

/** Every customer gets an RFM tier and a cluster label, as a model run writes them. */
function scoreEveryone(app: TailorApp): void {
  const db = app.session.require().db;
  db.transaction(() => {
    db.exec(`INSERT INTO customer_scores (score, customer_id, label)
             SELECT 'rfm_tier', id, json_array('Champions', 'Loyal', 'At Risk', 'Lost', 'New') ->> (rowid % 5) FROM customers`);
    db.exec(`INSERT INTO customer_scores (score, customer_id, label) SELECT 'cluster', id, 'Cluster ' || (rowid % 4 + 1) FROM customers`);
    const run = db.prepare(
      `INSERT INTO score_runs (model, as_of, model_version, settings, summary, computed_at) VALUES (?, ?, 'bench', '{}', '{}', ?)`,
    );
    run.run('rfm', BENCH_AS_OF, new Date().toISOString());
    run.run('clusters', BENCH_AS_OF, new Date().toISOString());
  })();
}

async function time(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

export async function benchSegmentCalls(): Promise<void> {
  const sizes = {
    ...sizesFromEnv(),
    ...(process.env.SEG_ORDERS ? {} : { orders: 2_000_000 }),
    ...(process.env.SEG_EVENTS ? {} : { events: 4_000_000 }),
  };
  const label = `${(sizes.customers / 1e6).toFixed(2)}M/${(sizes.orders / 1e6).toFixed(1)}M/${(sizes.events / 1e6).toFixed(1)}M`;
  const keep = process.env.KEEP_WORKSPACE === '1';
  const dir = keep
    ? path.join(os.tmpdir(), `tailor-bench-segment-calls-${sizes.customers}-${sizes.orders}-${sizes.events}`)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-segment-calls-'));
  const file = path.join(dir, 'calls.tailor');
  const fresh = !fs.existsSync(file);
  if (fresh) {
    fs.mkdirSync(dir, { recursive: true });
    const generated = generateSegmentsWorkspace(file, sizes);
    generated.db.close();
    console.log(`${'segments.calls'.padEnd(18)} ${label.padEnd(22)} generated in ${(generated.ms / 1000).toFixed(1)} s`);
  }
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const app = createApp({ host: 'direct', nativeDialogs: false });
  try {
    await app.client.call('workspace.open', { path: file });
    if (fresh) {
      scoreEveryone(app);
      for (const segment of SEGMENTS) await app.client.call('segments.save', { ...segment, asOf: BENCH_AS_OF });
    }
    const calls: [string, () => Promise<unknown>][] = [
      ['segments.list', () => app.client.call('segments.list', {})],
      ['segments.vocabulary', () => app.client.call('segments.vocabulary', {})],
      ['tokens.computed', () => app.client.call('tokens.computed', {})],
      ['tokens.customer', () => app.client.call('tokens.customer', { customerId: 'C0000042' })],
    ];
    // A save changes what every answer may depend on; the first call after it is the cold one.
    let touched: number | undefined;
    const touch = async (i: number) => {
      const category = CATEGORIES[i % CATEGORIES.length] ?? 'shoes';
      touched = (
        await app.client.call('segments.save', {
          id: touched,
          name: 'Touched',
          rule: group([{ kind: 'orders', measure: 'count', op: 'gte', value: '1', windowDays: 30, category }]),
          asOf: BENCH_AS_OF,
        })
      ).id;
    };
    for (const [index, [name, call]] of calls.entries()) {
      await touch(index);
      const cold = await time(call);
      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) warm.push(await time(call));
      console.log(
        `${name.padEnd(20)} ${label.padEnd(16)} cold ${cold.toFixed(1).padStart(8)} ms   warm median ${median(warm).toFixed(1).padStart(8)} ms`,
      );
    }
    if (touched !== undefined) await app.client.call('segments.delete', { id: touched });
  } finally {
    await app.close();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('segment-calls.ts')) void benchSegmentCalls();
