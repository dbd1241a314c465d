import { excelSerial, excelSerialDateTime } from './excel-serial';
import { cellText } from './fold-text';
import { failed, parsed, type Parser } from './parse-context';
import { parseDate } from './parse-date';
import { offsetOf, splitDateTime, wallTime } from './time-of-day';

/** Whether a value carries a time of day, as opposed to a date alone. */
export const hasTimeOfDay = (raw: string): boolean => splitDateTime(cellText(raw).replace(/\s+/g, ' ')) !== null;

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
  const match = splitDateTime(text);
  const [datePart, timePart, zone] = match ? [match.date, match.time, match.zone] : [text, null, undefined];
  const date = parseDate(datePart, ctx);
  if (!date.ok) return failed(match ? date.reason : `"${text}" is not a date and time`);
  if (date.value.startsWith('--')) return failed(`"${text}" has no year`);
  const time = timePart === null ? '00:00:00' : wallTime(timePart);
  if (time === null) return failed(`"${timePart}" is not a time of day`);
  const offset = offsetOf(zone);
  if (offset === null) return failed(`"${zone}" is not a time zone offset`);
  return parsed(`${date.value}T${time}${offset}`, raw);
};
