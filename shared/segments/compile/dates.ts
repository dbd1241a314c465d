import { RuleError } from '../rule-error';

/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd) in UTC, so no time zone or
 * daylight-saving change can move a window by a day. Every relative window
 * of a rule is a range of such dates computed here, once, and bound as
 * parameters: the SQL never asks SQLite for "now".
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  if (!ISO_DATE.test(iso)) throw new RuleError(`"${iso}" is not a date: write it as yyyy-mm-dd.`);
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== iso) {
    throw new RuleError(`"${iso}" is not a date: write it as yyyy-mm-dd.`);
  }
  return time;
}

export const addDays = (iso: string, days: number): string => new Date(toUtc(iso) + days * DAY_MS).toISOString().slice(0, 10);

export const isIsoDate = (text: string): boolean => {
  try {
    toUtc(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * "In the last N days" at an as-of date: N calendar days ending with the
 * as-of day itself, so `from` is the first day in and `until` the first day
 * after (activity stamped later than the as-of day never counts).
 */
export function lastDays(asOf: string, days: number): { from: string; until: string } {
  return { from: addDays(asOf, 1 - days), until: addDays(asOf, 1) };
}

/** "More than N days ago": strictly before this day. */
export const daysAgo = (asOf: string, days: number): string => addDays(asOf, -days);

/**
 * The month-days (mm-dd) from the as-of day through N days later, for
 * birthdays and anniversaries. A 29 February date is celebrated on the 28th
 * in a year without one, so it joins the list when the 28th is in it.
 */
export function monthDaysAhead(asOf: string, days: number): string[] {
  const out = new Set<string>();
  for (let offset = 0; offset <= days && out.size < 366; offset += 1) {
    const day = addDays(asOf, offset);
    out.add(day.slice(5));
    const year = Number(day.slice(0, 4));
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (day.slice(5) === '02-28' && !leap) out.add('02-29');
  }
  return [...out];
}

/** A whole number of days from a rule's value box, or a message naming what it belongs to. */
export function dayCount(value: string, what: string, max = 36_500): number {
  const text = value.trim();
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > max) {
    throw new RuleError(`${what}: "${value}" is not a number of days (a whole number from 1 to ${max}).`);
  }
  return days;
}
