import { medianAbsoluteDeviation, medianSorted } from 'simple-statistics';

/** A day is busy when it is this many robust standard deviations above its usual day… */
export const BUSY_DAY_Z = 5;
/** …and at least this many times the usual day… */
export const BUSY_DAY_RATIO = 3;
/** …and at least this many rows more than it (so 4 orders against a usual 1 is not an anomaly). */
export const BUSY_DAY_EXTRA = 10;
/** "Usual" is the median of the days around: this many on each side, so a shop that grows is not one long anomaly. */
export const BUSY_DAY_WINDOW = 14;
/** Spans longer than this are not padded with empty days (a stray date in 1900 must not make every day "usual 0"). */
const MAX_PADDED_DAYS = 20_000;

export interface BusyDay {
  day: string;
  count: number;
  /** The median rows per day over the days around it, empty days included. */
  usual: number;
}

const DAY_MS = 86_400_000;
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const dayText = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Every day from the first to the last, empty ones as 0; only the days with rows when the span is absurdly long. */
function series(perDay: ReadonlyMap<string, number>): { day: string; count: number }[] {
  const days = [...perDay.keys()].sort();
  const first = dayMs(days[0] as string);
  const span = Math.round((dayMs(days[days.length - 1] as string) - first) / DAY_MS) + 1;
  if (!Number.isFinite(span) || span > MAX_PADDED_DAYS) return days.map((day) => ({ day, count: perDay.get(day) as number }));
  return Array.from({ length: span }, (_, i) => {
    const day = dayText(first + i * DAY_MS);
    return { day, count: perDay.get(day) ?? 0 };
  });
}

/**
 * Days with far more rows than usual (400 orders in a day when 20 is normal):
 * an import run twice, a test batch, a bot. A day's "usual" is the median of
 * the four weeks around it (itself left out), with the spread their MAD
 * scaled to a standard deviation (at least 1). A day is busy only when it
 * clears all three bars, so neither a quiet shop's ordinary Monday nor a
 * growing shop's latest month is.
 */
export function busyDays(perDay: ReadonlyMap<string, number>): BusyDay[] {
  if (perDay.size < 3) return [];
  const days = series(perDay);
  const busy: BusyDay[] = [];
  days.forEach(({ day, count }, i) => {
    if (count <= BUSY_DAY_EXTRA) return;
    const around = [...days.slice(Math.max(0, i - BUSY_DAY_WINDOW), i), ...days.slice(i + 1, i + 1 + BUSY_DAY_WINDOW)]
      .map((d) => d.count)
      .sort((a, b) => a - b);
    if (around.length === 0) return;
    const usual = medianSorted(around);
    const spread = Math.max(1, 1.4826 * medianAbsoluteDeviation(around));
    const bar = Math.max(usual + BUSY_DAY_Z * spread, usual * BUSY_DAY_RATIO, usual + BUSY_DAY_EXTRA);
    if (count > bar) busy.push({ day, count, usual });
  });
  return busy.sort((a, b) => b.count - a.count || (a.day < b.day ? -1 : 1));
}
