import type { FieldType } from '../fields/types/field-type';
import { parseBoolean, parseValue, type ParseContext } from '../fields/types';
import type { ValueScale } from './report';

/** Distinct-value keys are cut here, so one huge cell cannot hold megabytes in the counters. */
export const MAX_KEY_LENGTH = 200;

/**
 * One stored value as the audit sees it: a key for distinct and top values
 * (the typed value written canonically, so "1,234.00" and "1234" are one
 * value), and for numbers, money and dates a position on a numeric scale.
 */
export type AuditValue = { ok: true; key: string; order: number | null; iso: string | null } | { ok: false; key: string; reason: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The scale a type's values are ordered on, or null for values that have no order worth a histogram. */
export function scaleOf(type: FieldType): ValueScale | null {
  if (type === 'number' || type === 'money') return 'number';
  if (type === 'date') return 'date';
  if (type === 'date-time') return 'date-time';
  return null;
}

const textKey = (text: string): string => text.slice(0, MAX_KEY_LENGTH);

/** Stored cells are text (or, for typed storage and REAL columns, numbers and booleans); anything else is shown as JSON. */
export function cellText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return JSON.stringify(raw) ?? '';
}

/** Null for an empty cell. Stored ISO text takes a fast path; anything else goes through the field's own parser. */
export function readValue(raw: unknown, type: FieldType, context: ParseContext): AuditValue | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' && (type === 'number' || type === 'money')) {
    return Number.isFinite(raw)
      ? { ok: true, key: String(raw), order: raw, iso: null }
      : { ok: false, key: String(raw), reason: 'not finite' };
  }
  const text = cellText(raw).trim();
  if (text === '') return null;
  switch (type) {
    case 'date': {
      if (ISO_DAY.test(text)) {
        const ms = Date.parse(`${text}T00:00:00Z`);
        if (Number.isFinite(ms)) return { ok: true, key: text, order: ms, iso: text };
      }
      const result = parseValue('date', text, context);
      if (!result.ok) return { ok: false, key: textKey(text), reason: result.reason };
      const day = result.value as string;
      // A birthday without a year ("--03-05") has no place on a time line.
      return day.startsWith('--')
        ? { ok: true, key: day, order: null, iso: null }
        : { ok: true, key: day, order: Date.parse(`${day}T00:00:00Z`), iso: day };
    }
    case 'date-time': {
      const iso = ISO_DATE_TIME.test(text) ? text : null;
      const result = iso === null ? parseValue('date-time', text, context) : null;
      if (result && !result.ok) return { ok: false, key: textKey(text), reason: result.reason };
      const value = iso ?? (result?.ok ? (result.value as string) : text);
      const ms = Date.parse(value);
      return Number.isFinite(ms)
        ? { ok: true, key: value, order: ms, iso: value }
        : { ok: false, key: textKey(text), reason: `"${text}" is not a date and time` };
    }
    case 'number':
    case 'money': {
      const result = parseValue(type, text, context);
      if (!result.ok) return { ok: false, key: textKey(text), reason: result.reason };
      const amount = typeof result.value === 'number' ? result.value : (result.value as { amount: number }).amount;
      return { ok: true, key: String(amount), order: amount, iso: null };
    }
    case 'boolean': {
      const result = parseBoolean(text, context);
      return result.ok
        ? { ok: true, key: result.value ? 'true' : 'false', order: null, iso: null }
        : { ok: false, key: textKey(text), reason: result.reason };
    }
    default:
      // Text, email, phone, country, list: counted as written; their validity is the validation rules' business.
      return { ok: true, key: textKey(text), order: null, iso: null };
  }
}
