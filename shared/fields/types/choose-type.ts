import { DETECTION_THRESHOLD } from './column-detection';
import { excelSerial } from './excel-serial';
import { type FieldType, type TypedValue } from './field-type';
import { type ParseContext } from './parse-context';
import { isBinaryDigit } from './parse-boolean';
import { hasTimeOfDay } from './parse-date-time';
import { PARSERS } from './parsers';

/** Candidates in order of preference when they read equally many values. */
export const PREFERENCE: readonly FieldType[] = ['boolean', 'email', 'date-time', 'date', 'phone', 'country', 'number', 'money', 'list'];
const CODE_LIKE: ReadonlySet<FieldType> = new Set(['number', 'money', 'boolean', 'country']);
export const MAX_LIST_ITEM = 60;

export interface Tally {
  ok: number;
  failed: number;
  /** The type read a value that no more general type explains (see `isDistinctive`). */
  distinctive: boolean;
  failures: { value: string; reason: string }[];
}

/**
 * Whether a value read as `type` is evidence for it rather than a value a
 * plainer type reads the same way: "0"/"1" are numbers too, a serial number
 * is a number, digits alone are a number, a date alone is a midnight.
 */
export function isDistinctive(type: FieldType, text: string, ctx: ParseContext): boolean {
  switch (type) {
    case 'boolean':
      return !isBinaryDigit(text);
    case 'date':
      return excelSerial(text) === null;
    case 'date-time':
      return hasTimeOfDay(text);
    case 'phone':
      return !/^[0-9]+$/.test(text);
    case 'money':
      return !PARSERS.number(text, ctx).ok;
    default:
      return true;
  }
}

/** Why a value that parses still does not count for a type during detection (null: it counts). */
export function detectionObjection(type: FieldType, text: string, value: TypedValue): string | null {
  if (type === 'number' && /^[-+]?0[0-9]/.test(text)) return 'a leading zero: an identifier or code, not a quantity';
  // A date reads "2024-01-10 09:30" by dropping the time; only a midnight time (a date exported as a timestamp) may go.
  if (type === 'date' && hasTimePastMidnight(text)) return 'a time of day: a date-time, not a date';
  if (type === 'list' && (value as string[]).some((item) => item.length > MAX_LIST_ITEM)) return 'an item too long for a list';
  return null;
}

/**
 * Among the types that read at least 90% of the values, the one that reads
 * the most among those with distinctive values; a hinted type that reads at
 * least as many wins the tie. Null means text.
 */
export function chooseType(
  tallies: ReadonlyMap<FieldType, Tally>,
  nonEmpty: number,
  hinted: readonly FieldType[],
): (Tally & { type: FieldType }) | null {
  const candidates = [...tallies].map(([type, tally]) => ({ type, ...tally })).filter((c) => c.ok >= nonEmpty * DETECTION_THRESHOLD - 1e-9);
  const best = candidates
    .filter((c) => c.distinctive)
    .sort((a, b) => b.ok - a.ok || PREFERENCE.indexOf(a.type) - PREFERENCE.indexOf(b.type))[0];
  const hintedBest = candidates
    .filter((c) => hinted.includes(c.type) && c.ok >= (best?.ok ?? 0))
    .sort((a, b) => b.ok - a.ok || hinted.indexOf(a.type) - hinted.indexOf(b.type))[0];
  if (hintedBest) return hintedBest;
  // Digits and two-letter codes read as numbers, flags or countries just as well as text: under
  // an "id", "postcode" or "language" header they are codes, and stay text.
  if (best && hinted.includes('text') && CODE_LIKE.has(best.type)) return null;
  return best ?? null;
}

/** "2024-01-10 09:30", "2024-01-10T17:05:00Z": a time other than midnight. */
function hasTimePastMidnight(text: string): boolean {
  const time = /[T ](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  return time !== null && (Number(time[1]) !== 0 || Number(time[2]) !== 0 || Number(time[3] ?? 0) !== 0);
}
