import { format, isValid, parse } from 'date-fns';
import { excelSerial, excelSerialDateTime } from './excel-serial';
import { cellText } from './fold-text';
import { failed, parsed, type Parser } from './parse-context';
import { parseDate } from './parse-date';

/**
 * A date, then "T" or spaces, a time ("14:30", "14:30:15.123", "2:30 pm") and
 * an optional offset ("Z", "+01:00", "+0100", "UTC").
 */
const DATE_TIME =
  /^(.+?)(?:T|\s+)([0-9]{1,2}[:.h][0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:\s*[ap]\.?\s?m\.?)?)\s*(Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?$/i;

const TIME_FORMATS = ['H:mm', 'H:mm:ss', 'H:mm:ss.SSS', 'h:mm a', 'h:mm:ss a', 'h:mm:ss.SSS a'];
/** A day without daylight-saving changes, so every wall time exists on it. */
const TIME_REFERENCE = new Date(2000, 0, 1);

/** "14.30" / "14h30" → "14:30", "2:30 p.m." → "2:30 PM", fractions cut to milliseconds. */
const normalizeTime = (time: string): string =>
  time
    .replace(/^([0-9]{1,2})[.h]/, '$1:')
    .replace(/[.,]([0-9]+)/, (_, fraction: string) => `.${fraction.padEnd(3, '0').slice(0, 3)}`)
    .replace(/\s*([ap])\.?\s?m\.?$/i, (_, half: string) => ` ${half.toUpperCase()}M`);

function wallTime(time: string): string | null {
  const text = normalizeTime(time);
  for (const pattern of TIME_FORMATS) {
    const date = parse(text, pattern, TIME_REFERENCE);
    if (isValid(date)) return format(date, date.getMilliseconds() ? 'HH:mm:ss.SSS' : 'HH:mm:ss');
  }
  return null;
}

function offsetOf(zone: string | undefined): string | null {
  if (zone === undefined) return '';
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const [, sign = '+', hours = '00', minutes = '00'] = /^([+-])([0-9]{2}):?([0-9]{2})?$/.exec(zone) ?? [];
  return Number(hours) <= 14 && Number(minutes) < 60 ? `${sign}${hours}:${minutes}` : null;
}

/** Whether a value carries a time of day, as opposed to a date alone. */
export const hasTimeOfDay = (raw: string): boolean => DATE_TIME.test(cellText(raw).replace(/\s+/g, ' '));

/**
 * ISO 8601 text as written: "2024-03-05T14:30:00+01:00" keeps its offset,
 * "05/03/2024 14:30" stays wall time "2024-03-05T14:30:00". The date part is
 * read by the date parser (so with the context's day order), the time with
 * date-fns on a day every wall time exists, so no daylight-saving gap moves
 * it. A date alone is midnight; a spreadsheet serial may carry a fraction.
 */
export const parseDateTime: Parser<string> = (raw, ctx) => {
  const text = cellText(raw).replace(/\s+/g, ' ');
  if (text === '') return failed('empty');
  const serial = excelSerial(text);
  if (serial !== null) return parsed(excelSerialDateTime(serial), raw);
  const match = DATE_TIME.exec(text);
  const [datePart, timePart, zone] = match ? [match[1] ?? '', match[2] ?? '', match[3]] : [text, null, undefined];
  const date = parseDate(datePart, ctx);
  if (!date.ok) return failed(match ? date.reason : `"${text}" is not a date and time`);
  if (date.value.startsWith('--')) return failed(`"${text}" has no year`);
  const time = timePart === null ? '00:00:00' : wallTime(timePart);
  if (time === null) return failed(`"${timePart}" is not a time of day`);
  const offset = offsetOf(zone);
  if (offset === null) return failed(`"${zone}" is not a time zone offset`);
  return parsed(`${date.value}T${time}${offset}`, raw);
};
