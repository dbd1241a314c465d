import { parseDate, parseDateTime, type ParseContext } from '../../fields/types';

/** A day or a moment as epoch ms, or null when the text is not a full date (a yearless birthday, a typo). */
export function dateMillis(text: string, ctx: ParseContext, time: boolean): number | null {
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
