import type { DecimalSeparator } from './parse-context';

/**
 * Reads the digits of a number written with any common grouping and decimal
 * mark: "1.234,56", "1 234,56" (with no-break or narrow no-break spaces),
 * "1,234.56", "1'234.56", "150,50". Only a value that reads two ways ("1,234",
 * "1.234") is decided by the locale's decimal separator.
 */

/** Spaces and apostrophes only ever group thousands. */
const SPACE_GROUPS = /[ \u00a0\u202f\u2009'\u2019]/g;
const BODY = /^[0-9.,  \u00a0\u202f\u2009'\u2019]*[0-9][0-9.,  \u00a0\u202f\u2009'\u2019]*$/;
const EXPONENT = /^([0-9]*\.?[0-9]+|[0-9]+\.)[eE][+-]?[0-9]+$/;
const PLAIN = /^[0-9]+(?:\.[0-9]+)?$/;

export type DecimalReading =
  | { kind: 'number'; value: number; decimal: DecimalSeparator | null }
  | { kind: 'ambiguous'; separator: DecimalSeparator }
  | { kind: 'invalid'; reason: string };

const groupsValid = (integer: string, separator: RegExp): boolean => {
  const groups = integer.split(separator);
  if (groups.length === 1) return true;
  const [first, ...rest] = groups;
  return first !== undefined && /^[0-9]{1,3}$/.test(first) && rest.every((group) => /^[0-9]{3}$/.test(group));
};

const toNumber = (integer: string, fraction: string, decimal: DecimalSeparator | null): DecimalReading => {
  const digits = integer.replace(/[^0-9]/g, '');
  if (digits.length > 15 || !Number.isSafeInteger(Number(digits || '0'))) {
    return { kind: 'invalid', reason: 'too many digits to keep exactly (an identifier?)' };
  }
  return { kind: 'number', value: Number(`${digits || '0'}.${fraction || '0'}`), decimal };
};

/**
 * Classify a body of digits and separators without deciding ambiguity: used
 * both to parse (with the locale) and to collect a column's evidence.
 */
export function readDecimal(body: string): DecimalReading {
  // Most amounts are plain digits with at most a decimal point: read at once what the general path below would.
  if (PLAIN.test(body)) {
    const dot = body.indexOf('.');
    if (dot < 0) return toNumber(body, '', null);
    const integer = body.slice(0, dot);
    if (body.length - dot - 1 === 3 && integer.charCodeAt(0) !== 48 && integer.length <= 3) return { kind: 'ambiguous', separator: '.' };
    return toNumber(integer, body.slice(dot + 1), '.');
  }
  if (EXPONENT.test(body)) {
    const value = Number(body);
    return Number.isFinite(value) ? { kind: 'number', value, decimal: '.' } : { kind: 'invalid', reason: 'too large for a number' };
  }
  if (!BODY.test(body)) return { kind: 'invalid', reason: 'not a number' };
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  const anyGroup = /[.,  \u00a0\u202f\u2009'\u2019]/g;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both marks: the last one is the decimal separator, the other groups.
    const decimal: DecimalSeparator = lastDot > lastComma ? '.' : ',';
    const at = Math.max(lastDot, lastComma);
    const integer = body.slice(0, at);
    const fraction = body.slice(at + 1);
    if (!/^[0-9]+$/.test(fraction) || integer.includes(decimal)) return { kind: 'invalid', reason: 'not a number' };
    return groupsValid(integer, anyGroup)
      ? toNumber(integer, fraction, decimal)
      : { kind: 'invalid', reason: 'misplaced thousands separator' };
  }
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (mark === null) {
    return groupsValid(body, anyGroup) ? toNumber(body, '', null) : { kind: 'invalid', reason: 'misplaced thousands separator' };
  }
  const first = body.indexOf(mark);
  if (first !== body.lastIndexOf(mark)) {
    // "1.234.567": repeated, so it groups.
    return groupsValid(body, anyGroup) ? toNumber(body, '', null) : { kind: 'invalid', reason: 'misplaced thousands separator' };
  }
  const integer = body.slice(0, first);
  const fraction = body.slice(first + 1);
  if (!/^[0-9]+$/.test(fraction)) return { kind: 'invalid', reason: 'not a number' };
  // "1,234" / "1.234": a grouping mark or a decimal one, the locale decides.
  if (fraction.length === 3 && /^[1-9][0-9]{0,2}$/.test(integer)) return { kind: 'ambiguous', separator: mark };
  if (integer !== '' && !groupsValid(integer, SPACE_GROUPS)) return { kind: 'invalid', reason: 'misplaced thousands separator' };
  return toNumber(integer, fraction, mark);
}

/** A reading with the locale deciding "1,234" / "1.234". */
export function decideDecimal(
  body: string,
  decimalSeparator: DecimalSeparator,
): { ok: true; value: number } | { ok: false; reason: string } {
  const reading = readDecimal(body);
  if (reading.kind === 'number') return { ok: true, value: reading.value };
  if (reading.kind === 'invalid') return { ok: false, reason: reading.reason };
  const [integer = '', fraction = ''] = body.split(reading.separator);
  return { ok: true, value: reading.separator === decimalSeparator ? Number(`${integer}.${fraction}`) : Number(integer + fraction) };
}
