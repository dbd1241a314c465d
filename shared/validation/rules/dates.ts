import { parseDate, parseDateTime, type ParseContext } from '../../fields/types';

/** "2024-03-05", optionally with a time and offset: what most exports write, read by the platform without date-fns' general parser. */
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parsing a date costs tens of microseconds; columns repeat their values (birth dates, days), so remember recent ones. */
const parsedDates = new Map<string, number | null>();
const MAX_CACHED = 50_000;

/** A day or a moment as epoch ms, or null when the text is not a full date (a yearless birthday, a typo). */
export function dateMillis(text: string, ctx: ParseContext, time: boolean): number | null {
  if (ISO.test(text)) {
    // A wall time without an offset is read as UTC: the rules compare with a day of slack.
    const iso = text.length > 10 ? text.replace(' ', 'T') : text;
    const ms = Date.parse(iso.length > 10 && !/(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) ? `${iso}Z` : iso);
    if (!Number.isNaN(ms)) return ms;
  }
  const key = `${time ? 't' : 'd'}${ctx.dateOrder}${text}`;
  const cached = parsedDates.get(key);
  if (cached !== undefined) return cached;
  const ms = parseMillis(text, ctx, time);
  if (parsedDates.size >= MAX_CACHED) parsedDates.clear();
  parsedDates.set(key, ms);
  return ms;
}

function parseMillis(text: string, ctx: ParseContext, time: boolean): number | null {
  const read = time ? parseDateTime(text, ctx) : { ok: false as const };
  const result = read.ok ? read : parseDate(text, ctx);
  if (!result.ok || result.value.startsWith('--')) return null;
  const ms = Date.parse(result.value);
  return Number.isNaN(ms) ? null : ms;
}

/** Whole years from a birth day to `now`. */
export function ageAt(birth: number, now: number): number {
  const b = new Date(birth);
  const n = new Date(now);
  let years = n.getUTCFullYear() - b.getUTCFullYear();
  if (n.getUTCMonth() < b.getUTCMonth() || (n.getUTCMonth() === b.getUTCMonth() && n.getUTCDate() < b.getUTCDate())) years--;
  return years;
}
