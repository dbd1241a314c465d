import { binOf, cutPoints, scoreOfBin, valueCountsOf, type Measure } from './bins';
import type { RfmSettings } from './settings';
import { tierOf } from './tiers';

export interface RfmOrder {
  customerId: string;
  /** ISO date or timestamp; its first ten characters are the (UTC) day. */
  orderedAt: string;
  amount: number;
}

export interface RfmRow {
  customerId: string;
  recencyDays: number;
  orders: number;
  revenue: number;
  recency: number;
  frequency: number;
  monetary: number;
  tier: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDay: string): number => Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** The day after an ISO date: orders strictly before it are "up to the as-of date", whatever their time of day. */
export const dayAfter = (asOf: string): string => new Date((dayNumber(asOf) + 1) * DAY_MS).toISOString().slice(0, 10);

/**
 * The RFM table of a list of orders, in memory: the package's
 * rfm_table_order (recency = days from the last order's day to the as-of
 * date, frequency = number of orders, monetary = their sum) with its bins
 * and tiers. Orders after the as-of date do not count. The workspace runs
 * the same computation in SQL; this is the reference it is tested against.
 */
export function rfmTable(
  orders: readonly RfmOrder[],
  asOf: string,
  settings: RfmSettings,
): { rows: RfmRow[]; cuts: Record<Measure, number[]> } {
  const end = dayAfter(asOf);
  const byCustomer = new Map<string, { last: string; orders: number; revenue: number }>();
  for (const order of orders) {
    if (!(order.orderedAt < end)) continue;
    const day = order.orderedAt.slice(0, 10);
    const entry = byCustomer.get(order.customerId);
    if (!entry) byCustomer.set(order.customerId, { last: day, orders: 1, revenue: order.amount });
    else {
      entry.orders += 1;
      entry.revenue += order.amount;
      if (day > entry.last) entry.last = day;
    }
  }
  const base = [...byCustomer].map(([customerId, entry]) => ({
    customerId,
    recencyDays: dayNumber(asOf) - dayNumber(entry.last),
    orders: entry.orders,
    revenue: entry.revenue,
  }));
  if (base.length === 0) return { rows: [], cuts: { recency: [], frequency: [], monetary: [] } };
  const cuts = {
    recency: cutPoints(valueCountsOf(base.map((row) => row.recencyDays)), settings.bins.recency, settings.method),
    frequency: cutPoints(valueCountsOf(base.map((row) => row.orders)), settings.bins.frequency, settings.method),
    monetary: cutPoints(valueCountsOf(base.map((row) => row.revenue)), settings.bins.monetary, settings.method),
  };
  const score = (value: number, measure: Measure) => scoreOfBin(binOf(value, cuts[measure]), settings.bins[measure], measure);
  const rows = base.map((row) => {
    const scores = {
      recency: score(row.recencyDays, 'recency'),
      frequency: score(row.orders, 'frequency'),
      monetary: score(row.revenue, 'monetary'),
    };
    return { ...row, ...scores, tier: tierOf(scores, settings.tiers, settings.otherTier) };
  });
  return { rows, cuts };
}
