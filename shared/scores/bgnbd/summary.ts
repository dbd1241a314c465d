/**
 * Per-customer BG/NBD input as lifetimes builds it: purchases are counted by
 * DAY (several orders on one day are one purchase), the first purchase day
 * starts the customer's clock, and only repeat days count as frequency.
 */

export interface CustomerSummary {
  customerId: string;
  /** Repeat purchase days: distinct purchase days − 1. */
  x: number;
  /** Recency: first to last purchase day, in time units. */
  tx: number;
  /** Age: first purchase day to the as-of date, in time units. */
  T: number;
}

const DAY_MS = 86_400_000;

/** Whole days since the epoch of an ISO date (or the date part of an ISO timestamp). */
export function dayNumber(isoDate: string): number {
  const day = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day)) throw new Error(`Not an ISO date: ${isoDate}`);
  return Math.round(day / DAY_MS);
}

/**
 * Summarise one customer's purchase days (day numbers, any order, repeats
 * allowed) up to and including `asOfDay`. Returns null when the customer had
 * bought nothing by then: BG/NBD only describes customers already acquired.
 */
export function summariseDays(customerId: string, days: Iterable<number>, asOfDay: number, unitDays = 1): CustomerSummary | null {
  const distinct = new Set<number>();
  for (const day of days) if (day <= asOfDay) distinct.add(day);
  if (distinct.size === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const day of distinct) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return summaryOf({ customerId, purchaseDays: distinct.size, firstDay: first, lastDay: last }, asOfDay, unitDays);
}

/** The same summary from aggregates SQL computes (distinct purchase days, first and last of them, all up to the as-of day). */
export function summaryOf(
  { customerId, purchaseDays, firstDay, lastDay }: { customerId: string; purchaseDays: number; firstDay: number; lastDay: number },
  asOfDay: number,
  unitDays = 1,
): CustomerSummary {
  return { customerId, x: purchaseDays - 1, tx: (lastDay - firstDay) / unitDays, T: (asOfDay - firstDay) / unitDays };
}
