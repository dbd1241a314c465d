import type { DateOrder } from './parse-context';

/**
 * The all-digit shapes of a date. Their order (which part is the day) is the
 * one thing a value cannot always say for itself, so it is exposed for the
 * column detector to decide.
 */

/** "1990-03-05", "1990/3/5", "1990.03.05": year first is always year-month-day. */
export const YEAR_FIRST = /^([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})$/;
/** "05/03/1990", "5.3.90", "05-03-1990". */
export const DAY_MONTH_YEAR = /^([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})$/;
/** A birthday without a year: "03-05", "03/05", "05.03." (German, with its closing dot), "--03-05" (ISO 8601). */
export const MONTH_DAY = /^([0-9]{1,2})([-/])([0-9]{1,2})$|^([0-9]{1,2})(\.)([0-9]{1,2})\.$/;
export const ISO_MONTH_DAY = /^--([0-9]{2})-([0-9]{2})$/;

/** The first two parts of an all-digit day/month date, when the value has that shape. */
export function orderedParts(text: string): { first: number; second: number } | null {
  const full = DAY_MONTH_YEAR.exec(text);
  if (full) return { first: Number(full[1]), second: Number(full[3]) };
  const partial = MONTH_DAY.exec(text);
  if (partial) return { first: Number(partial[1] ?? partial[4]), second: Number(partial[3] ?? partial[6]) };
  return null;
}

/**
 * What one value says about the order: a first part over 12 can only be a day,
 * a second part over 12 only a day too. Equal parts read the same either way.
 */
export function dateOrderEvidence(text: string): DateOrder | 'ambiguous' | null {
  const parts = orderedParts(text);
  if (!parts) return null;
  const { first, second } = parts;
  if (first > 31 || second > 31 || first === 0 || second === 0) return null;
  if (first > 12 && second <= 12) return 'day-first';
  if (second > 12 && first <= 12) return 'month-first';
  if (first > 12 && second > 12) return null;
  return first === second ? null : 'ambiguous';
}
