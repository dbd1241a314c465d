import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { DATE_LOCALES, monthNameReadings, NAMED_FORMATS, normalizeNamedDate } from './date-names';
import { DAY_MONTH_YEAR, ISO_MONTH_DAY, MONTH_DAY, YEAR_FIRST } from './date-shapes';
import { excelSerial, excelSerialDate } from './excel-serial';
import { cellText } from './fold-text';
import { failed, parsed, type ParseContext, type ParseResult, type Parser } from './parse-context';
import { offsetOf, splitDateTime, wallTime } from './time-of-day';

/** A leap year, so a birthday on 29 February parses. */
const YEARLESS_REFERENCE = new Date(2000, 0, 1);

const referenceOf = (ctx: ParseContext): Date => new Date(ctx.referenceTime ?? Date.now());

/** date-fns parse; null unless the whole text matched a real day in years 1000-9999. */
function parseWith(text: string, pattern: string, reference: Date, locale = DATE_LOCALES[0]): Date | null {
  const date = parse(text, pattern, reference, { locale });
  return isValid(date) && date.getFullYear() >= 1000 && date.getFullYear() <= 9999 ? date : null;
}

const calendarDay = (date: Date): string => format(date, 'yyyy-MM-dd');
const monthDay = (date: Date): string => format(date, '--MM-dd');

function namedDate(text: string, ctx: ParseContext): string | null {
  for (const reading of monthNameReadings(text)) {
    const normalized = normalizeNamedDate(reading.text);
    for (const { pattern, hasYear } of NAMED_FORMATS) {
      const date = parseWith(normalized, pattern, hasYear ? referenceOf(ctx) : YEARLESS_REFERENCE, reading.locale);
      if (date) return hasYear ? calendarDay(date) : monthDay(date);
    }
  }
  return null;
}

function numericDate(text: string, ctx: ParseContext): ParseResult<string> | null {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const sep = yearFirst[2] ?? '-';
    const date = parseWith(text, `yyyy${sep}M${sep}d`, referenceOf(ctx));
    return date ? parsed(calendarDay(date), text) : failed(`${text} is not a real day`);
  }
  const dayFirst = ctx.dateOrder === 'day-first';
  const full = DAY_MONTH_YEAR.exec(text);
  if (full) {
    const sep = full[2] ?? '/';
    const year = full[4]?.length === 2 ? 'yy' : 'yyyy';
    const pattern = dayFirst ? `d${sep}M${sep}${year}` : `M${sep}d${sep}${year}`;
    const date = parseWith(text, pattern, referenceOf(ctx));
    return date ? parsed(calendarDay(date), text) : failed(`${text} is not a real ${ctx.dateOrder} date`);
  }
  const isoMonthDay = ISO_MONTH_DAY.exec(text);
  const partial = isoMonthDay ? null : MONTH_DAY.exec(text);
  if (isoMonthDay || partial) {
    const [first, second] = isoMonthDay ? [isoMonthDay[2], isoMonthDay[1]] : [partial?.[1] ?? partial?.[4], partial?.[3] ?? partial?.[6]];
    const [day, month] = isoMonthDay || dayFirst ? [first, second] : [second, first];
    const date = parseWith(`${day}/${month}`, 'd/M', YEARLESS_REFERENCE);
    return date ? parsed(monthDay(date), text) : failed(`${text} is not a real ${isoMonthDay ? '' : `${ctx.dateOrder} `}month and day`);
  }
  return null;
}

/**
 * A calendar date, 'YYYY-MM-DD', or '--MM-DD' for a birthday written without a
 * year. Reads ISO dates, all-digit dates in the context's order, two-digit
 * years (nearest century to the reference time), month names in English and
 * the six languages, and spreadsheet serial numbers. A date-time gives its
 * day as written, without converting its offset.
 */
export const parseDate: Parser<string> = (raw, ctx) => {
  const text = cellText(raw).replace(/\s+/g, ' ');
  if (text === '') return failed('empty');
  // A four-digit year alone is far likelier than a spreadsheet serial from 1902-1908.
  if (/^[12][0-9]{3}$/.test(text)) return failed(`${text} is a year, not a day`);
  const serial = excelSerial(text);
  if (serial !== null) {
    return Number.isInteger(serial)
      ? parsed(excelSerialDate(serial), raw)
      : failed('a spreadsheet date with a time: type the field as date-time');
  }
  const numeric = numericDate(text, ctx);
  if (numeric) return numeric.ok ? parsed(numeric.value, raw) : numeric;
  const named = /\p{L}/u.test(text) ? namedDate(text, ctx) : null;
  if (named) return parsed(named, raw);
  // A date exported as a date-time ("1990-03-05T00:00:00Z", as CRMs write birthdays): the day as written.
  const withTime = splitDateTime(text);
  if (withTime && wallTime(withTime.time) !== null && offsetOf(withTime.zone) !== null) {
    const day = parseDate(withTime.date, ctx);
    if (day.ok && !day.value.startsWith('--')) return parsed(day.value, raw);
  }
  return failed(`"${text}" is not a date`);
};
