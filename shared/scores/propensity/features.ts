/**
 * What the propensity model knows about a customer on a given day: RFM,
 * tenure and recent engagement, from aggregates the workspace computes in
 * SQL (`CustomerActivity`). Counts and money are taken as log(1 + v), since
 * a few big spenders would otherwise dominate the scale; standardising
 * happens at training time.
 */

/** One customer's activity up to (and including) a day, with the window's share of it. */
export interface CustomerActivity {
  customerId: string;
  orders: number;
  spend: number;
  /** Day numbers (days since the epoch) of the first and last order, null without orders. */
  firstOrderDay: number | null;
  lastOrderDay: number | null;
  ordersInWindow: number;
  events: number;
  eventsInWindow: number;
  firstEventDay: number | null;
  lastEventDay: number | null;
}

export const PROPENSITY_FEATURES = [
  'recency_days',
  'has_ordered',
  'frequency',
  'monetary',
  'tenure_days',
  'orders_in_window',
  'events_in_window',
  'days_since_event',
] as const;
export type PropensityFeature = (typeof PROPENSITY_FEATURES)[number];

/** The features of `activity` measured on `day`; `horizon` stands in for "never" so the scale stays finite. */
export function featureVector(activity: CustomerActivity, day: number, horizon: number): number[] {
  const firstSeen = Math.min(activity.firstOrderDay ?? Infinity, activity.firstEventDay ?? Infinity);
  const since = (from: number | null) => (from === null ? horizon : Math.min(horizon, Math.max(0, day - from)));
  return [
    Math.log1p(since(activity.lastOrderDay)),
    activity.orders > 0 ? 1 : 0,
    Math.log1p(activity.orders),
    Math.log1p(Math.max(0, activity.spend)),
    Math.log1p(Number.isFinite(firstSeen) ? Math.max(0, day - firstSeen) : 0),
    Math.log1p(activity.ordersInWindow),
    Math.log1p(activity.eventsInWindow),
    Math.log1p(since(activity.lastEventDay)),
  ];
}

export interface Standardiser {
  means: number[];
  sds: number[];
}

/** Column means and standard deviations (a constant column keeps sd 1, so it standardises to 0, not NaN). */
export function standardiser(rows: readonly number[][]): Standardiser {
  const p = rows[0]?.length ?? 0;
  const means = new Array<number>(p).fill(0);
  const sds = new Array<number>(p).fill(0);
  for (const row of rows) for (let j = 0; j < p; j++) means[j]! += row[j]! / rows.length;
  for (const row of rows) for (let j = 0; j < p; j++) sds[j]! += (row[j]! - means[j]!) ** 2 / rows.length;
  return { means, sds: sds.map((variance) => (variance > 1e-12 ? Math.sqrt(variance) : 1)) };
}

export const standardise = ({ means, sds }: Standardiser, row: readonly number[]): number[] =>
  row.map((value, j) => (value - means[j]!) / sds[j]!);
