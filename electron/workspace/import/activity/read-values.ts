import { parseDate, parseDateTime, type ParseContext, type ParseResult } from '../../../../shared/fields/types';
import { hasTimeOfDay } from '../../../../shared/fields/types/parse-date-time';

/**
 * Order and event dates and amounts, read by the shared typed parsers with the
 * column's locale (sample-rows.ts: chosen in the wizard or a mapping file,
 * else detected): day-first or month-first dates, month names, spreadsheet
 * serials, "1 234,50", "1.234,50 €", "$1,234.50". Stored as before: a date
 * alone as its calendar day, a time with an offset as the UTC instant, a time
 * without one as the wall time written. Amounts are parseMoney's.
 */

const WITH_OFFSET = /(?:Z|[+-][0-9]{2}:[0-9]{2})$/;

/** A date or date-time → the stored text; a failure says what was wrong with it. */
export function readTimestamp(raw: string, ctx: ParseContext): ParseResult<string> {
  const text = raw.trim();
  if (!hasTimeOfDay(text)) {
    const day = parseDate(text, ctx);
    if (day.ok && day.value.startsWith('--')) return { ok: false, reason: `"${text}" has no year` };
    // A spreadsheet serial with a fraction is a date and time: parseDateTime reads it.
    if (day.ok) return day;
    const time = parseDateTime(text, ctx);
    return time.ok ? time : day;
  }
  const time = parseDateTime(text, ctx);
  if (!time.ok || !WITH_OFFSET.test(time.value)) return time;
  return { ok: true, value: new Date(time.value).toISOString(), original: raw };
}
