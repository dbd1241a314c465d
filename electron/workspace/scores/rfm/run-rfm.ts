import { MEASURES, cutPoints, type Measure, type ValueCounts } from '../../../../shared/scores/rfm/bins';
import { dayAfter } from '../../../../shared/scores/rfm/rfm-table';
import { scoreCaseSql, tierCaseSql } from '../../../../shared/scores/rfm/rfm-sql';
import type { RfmSettings } from '../../../../shared/scores/rfm/settings';
import { averageOrderValue, type RfmSummary } from '../../../../shared/scores/rfm/summary';
import { tierOf } from '../../../../shared/scores/rfm/tiers';
import type { ScoreName } from '../../../../shared/scores/score-names';
import type { Db } from '../../db';
import { replaceModelScores } from '../score-store';

/** Bumped when the computation changes, so a stored run says which rules made it. */
export const RFM_MODEL_VERSION = 'rfm-1';

/** The stages a run reports progress in. */
export const RFM_STAGES = 4;

export interface RfmRunOptions {
  asOf: string;
  settings: RfmSettings;
  progress?: (stage: number, customers: number) => void;
}

const COLUMN: Record<Measure, string> = { recency: 'recency', frequency: 'frequency', monetary: 'monetary' };
/** The rfm_scored column of each score, and the token it is stored as. */
const SCORE: Record<Measure, string> = { recency: 'r', frequency: 'f', monetary: 'm' };
const SCORE_NAME = { recency: 'rfm_r', frequency: 'rfm_f', monetary: 'rfm_m' } as const satisfies Record<Measure, ScoreName>;
const TIER_NAME: ScoreName = 'rfm_tier';

/** One measure's distinct values with their counts, ascending: what the cut points are read from. */
function valueCounts(db: Db, measure: Measure): ValueCounts {
  const column = COLUMN[measure];
  const rows = db.prepare(`SELECT ${column}, count(*) FROM temp.rfm_base GROUP BY ${column} ORDER BY ${column}`).raw().all() as [
    number,
    number,
  ][];
  return { values: rows.map((row) => row[0]), counts: rows.map((row) => row[1]) };
}

interface Group {
  r: number;
  f: number;
  m: number;
  customers: number;
  orders: number;
  revenue: number;
}

/** The summary from the customers grouped by their three scores (at most 9³ groups, whatever the customer count). */
function summarise(db: Db, options: RfmRunOptions, cuts: RfmSummary['cuts'], groups: Group[]): RfmSummary {
  const { settings } = options;
  const tiers = new Map<string, { customers: number; orders: number; revenue: number }>();
  for (const name of [...settings.tiers.map((tier) => tier.name), settings.otherTier])
    tiers.set(name, { customers: 0, orders: 0, revenue: 0 });
  const cells = new Map<string, { frequency: number; recency: number; customers: number; revenue: number }>();
  const counts = { recency: new Map<number, number>(), frequency: new Map<number, number>(), monetary: new Map<number, number>() };
  for (const group of groups) {
    const tier = tiers.get(tierOf({ recency: group.r, frequency: group.f, monetary: group.m }, settings.tiers, settings.otherTier))!;
    tier.customers += group.customers;
    tier.orders += group.orders;
    tier.revenue += group.revenue;
    const key = `${group.f}:${group.r}`;
    const cell = cells.get(key) ?? { frequency: group.f, recency: group.r, customers: 0, revenue: 0 };
    cell.customers += group.customers;
    cell.revenue += group.revenue;
    cells.set(key, cell);
    counts.recency.set(group.r, (counts.recency.get(group.r) ?? 0) + group.customers);
    counts.frequency.set(group.f, (counts.frequency.get(group.f) ?? 0) + group.customers);
    counts.monetary.set(group.m, (counts.monetary.get(group.m) ?? 0) + group.customers);
  }
  const scored = groups.reduce((sum, group) => sum + group.customers, 0);
  const everyScore = (measure: Measure) =>
    Array.from({ length: settings.bins[measure] }, (_, i) => ({ score: i + 1, customers: counts[measure].get(i + 1) ?? 0 }));
  const allCustomers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  return {
    asOf: options.asOf,
    method: settings.method,
    bins: settings.bins,
    customers: scored,
    customersWithoutOrders: Math.max(0, allCustomers - scored),
    orders: groups.reduce((sum, group) => sum + group.orders, 0),
    revenue: groups.reduce((sum, group) => sum + group.revenue, 0),
    cuts,
    tiers: [...tiers].map(([tier, entry]) => ({ tier, ...entry, averageOrderValue: averageOrderValue(entry.revenue, entry.orders) })),
    heatmap: [...cells.values()]
      .sort((a, b) => a.frequency - b.frequency || a.recency - b.recency)
      .map((cell) => ({
        frequency: cell.frequency,
        recency: cell.recency,
        customers: cell.customers,
        meanMonetary: cell.revenue / cell.customers,
      })),
    counts: { recency: everyScore('recency'), frequency: everyScore('frequency'), monetary: everyScore('monetary') },
  };
}

/**
 * A full RFM recompute, SQL-side: one GROUP BY over the orders up to the
 * as-of day gives each customer's recency (days since the last order's day),
 * frequency (orders) and monetary (their sum); the cut points come from each
 * measure's value counts (exact type-7 quantiles, bins.ts); the scores and
 * tiers are CASE expressions compiled from the settings (rfm-sql.ts). The
 * four scores replace the previous run's through replaceModelScores in one
 * transaction, so a cancelled or killed run leaves the previous scores.
 * Customers without an order up to the as-of date get no score.
 */
export function runRfm(db: Db, options: RfmRunOptions): RfmSummary {
  const { asOf, settings } = options;
  const progress = options.progress ?? (() => undefined);
  db.exec(`
    DROP TABLE IF EXISTS temp.rfm_base;
    DROP TABLE IF EXISTS temp.rfm_scored;
    CREATE TEMP TABLE rfm_base (customer_id TEXT PRIMARY KEY, recency INTEGER, frequency INTEGER, monetary REAL) WITHOUT ROWID;
    CREATE TEMP TABLE rfm_scored (customer_id TEXT PRIMARY KEY, frequency INTEGER, monetary REAL, r INTEGER, f INTEGER, m INTEGER) WITHOUT ROWID;
  `);
  try {
    progress(0, 0);
    db.prepare(
      `INSERT INTO temp.rfm_base (customer_id, recency, frequency, monetary)
       SELECT customer_id, CAST(round(julianday(?) - julianday(substr(max(ordered_at), 1, 10))) AS INTEGER), count(*), total(total)
       FROM orders WHERE customer_id IS NOT NULL AND ordered_at < ? GROUP BY customer_id`,
    ).run(asOf, dayAfter(asOf));
    const customers = db.prepare('SELECT count(*) FROM temp.rfm_base').pluck().get() as number;
    progress(1, customers);

    const cuts: RfmSummary['cuts'] = { recency: [], frequency: [], monetary: [] };
    if (customers > 0)
      for (const measure of MEASURES) cuts[measure] = cutPoints(valueCounts(db, measure), settings.bins[measure], settings.method);
    const scores = MEASURES.map((measure) => scoreCaseSql(COLUMN[measure], cuts[measure], measure));
    db.prepare(
      `INSERT INTO temp.rfm_scored (customer_id, frequency, monetary, r, f, m)
       SELECT customer_id, frequency, monetary, ${scores.map((score) => score.sql).join(', ')} FROM temp.rfm_base`,
    ).run(...scores.flatMap((score) => score.params));
    progress(2, customers);

    const groups = db
      .prepare(
        'SELECT r, f, m, count(*) AS customers, sum(frequency) AS orders, total(monetary) AS revenue FROM temp.rfm_scored GROUP BY r, f, m',
      )
      .all() as Group[];
    const summary = summarise(db, options, cuts, groups);
    progress(3, customers);

    const tier = tierCaseSql({ recency: 'r', frequency: 'f', monetary: 'm' }, settings.tiers, settings.otherTier);
    db.transaction(() => {
      replaceModelScores(db, { model: 'rfm', asOf, modelVersion: RFM_MODEL_VERSION, settings, summary }, []);
      const insert = (sql: string, params: (number | string)[] = []) =>
        db.prepare(`INSERT INTO customer_scores (score, customer_id, value, label) ${sql}`).run(...params);
      for (const measure of MEASURES) insert(`SELECT ?, customer_id, ${SCORE[measure]}, NULL FROM temp.rfm_scored`, [SCORE_NAME[measure]]);
      insert(`SELECT ?, customer_id, NULL, ${tier.sql} FROM temp.rfm_scored`, [TIER_NAME, ...tier.params]);
    })();
    progress(4, customers);
    return summary;
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.rfm_base; DROP TABLE IF EXISTS temp.rfm_scored;');
  }
}
