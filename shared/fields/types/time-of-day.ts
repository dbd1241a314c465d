import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';

/**
 * A date, then "T" or spaces, a time ("14:30", "14:30:15.123", "2:30 pm") and
 * an optional offset ("Z", "+01:00", "+0100", "UTC").
 */
const DATE_TIME =
  /^(.+?)(?:T|\s+)([0-9]{1,2}[:.h][0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:\s*[ap]\.?\s?m\.?)?)\s*(Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?$/i;

export interface DateTimeParts {
  date: string;
  time: string;
  zone: string | undefined;
}

/** The date, time and offset a value is written with, or null when it has no time of day. */
export function splitDateTime(text: string): DateTimeParts | null {
  const match = DATE_TIME.exec(text);
  return match ? { date: match[1] ?? '', time: match[2] ?? '', zone: match[3] } : null;
}

const TIME_FORMATS = ['H:mm', 'H:mm:ss', 'H:mm:ss.SSS', 'h:mm a', 'h:mm:ss a', 'h:mm:ss.SSS a'];
/** A day without daylight-saving changes, so every wall time exists on it. */
const TIME_REFERENCE = new Date(2000, 0, 1);

/** "14.30" / "14h30" → "14:30", "2:30 p.m." → "2:30 PM", fractions cut to milliseconds. */
const normalizeTime = (time: string): string =>
  time
    .replace(/^([0-9]{1,2})[.h]/, '$1:')
    .replace(/[.,]([0-9]+)/, (_, fraction: string) => `.${fraction.padEnd(3, '0').slice(0, 3)}`)
    .replace(/\s*([ap])\.?\s?m\.?$/i, (_, half: string) => ` ${half.toUpperCase()}M`);

/** "2:30 pm" → "14:30:00", through date-fns; null when it is no time of day. */
export function wallTime(time: string): string | null {
  const text = normalizeTime(time);
  for (const pattern of TIME_FORMATS) {
    const date = parse(text, pattern, TIME_REFERENCE);
    if (isValid(date)) return format(date, date.getMilliseconds() ? 'HH:mm:ss.SSS' : 'HH:mm:ss');
  }
  return null;
}

/** "Z" / "UTC" → "Z", "+0530" → "+05:30", none → ""; null for an offset no zone has. */
export function offsetOf(zone: string | undefined): string | null {
  if (zone === undefined) return '';
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const [, sign = '+', hours = '00', minutes = '00'] = /^([+-])([0-9]{2}):?([0-9]{2})?$/.exec(zone) ?? [];
  return Number(hours) <= 14 && Number(minutes) < 60 ? `${sign}${hours}:${minutes}` : null;
}
