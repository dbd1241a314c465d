import type { Customer, FieldInfo } from '../../../shared/contract/schemas';
import { isCanonicalKey } from '../../../shared/fields/canonical';
import { storedValue } from '../../../shared/fields/types/stored-value';
import type { FieldType } from '../../../shared/fields/types/field-type';

/** A field's text as imported. */
export function fieldText(customer: Customer, key: string): string | null {
  if (isCanonicalKey(key)) return customer[key];
  return customer.attributes[key] ?? null;
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatMoney(amount: number, currency: string | null): string {
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
    } catch {
      // An unknown code: the amount with the code beside it.
    }
  }
  const plain = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  return currency ? `${plain} ${currency}` : plain;
}

/** A calendar date ('YYYY-MM-DD' or '--MM-DD') in the reader's locale, as a day: no time zone moves it. */
function formatDate(iso: string): string {
  const yearless = /^--(\d{2})-(\d{2})$/.exec(iso);
  if (yearless) return monthDayFormat.format(Date.UTC(2000, Number(yearless[1]) - 1, Number(yearless[2])));
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return full ? dateFormat.format(Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3]))) : iso;
}

export interface Shown {
  text: string;
  /** Numbers and money line up on the right. */
  numeric: boolean;
  /** The value as imported, when the display differs from it (a tooltip). */
  original: string | null;
}

/**
 * How the grid shows a field: by its stored typed value (numbers formatted
 * and right-aligned, dates in the reader's locale, booleans as yes/no), or
 * the text as imported when the field is text or the value did not parse.
 */
export function shownValue(customer: Customer, key: string, type: FieldType): Shown {
  const text = fieldText(customer, key) ?? '';
  const typed = customer.typed && Object.hasOwn(customer.typed, key) ? customer.typed[key] : undefined;
  const plain: Shown = { text, numeric: false, original: null };
  if (type === 'text' || typed === undefined) return plain;
  const shown = (value: string, numeric = false): Shown => ({ text: value, numeric, original: value === text ? null : text });
  switch (type) {
    case 'number': {
      const value = storedValue('number', typed);
      return value === null ? plain : shown(numberFormat.format(value), true);
    }
    case 'money': {
      const value = storedValue('money', typed);
      return value === null ? plain : shown(formatMoney(value.amount, value.currency), true);
    }
    case 'date': {
      const value = storedValue('date', typed);
      return value === null ? plain : shown(formatDate(value));
    }
    case 'date-time': {
      const value = storedValue('date-time', typed);
      const time = value === null ? NaN : Date.parse(value);
      return Number.isNaN(time) ? plain : shown(dateTimeFormat.format(time));
    }
    case 'boolean': {
      const value = storedValue('boolean', typed);
      return value === null ? plain : shown(value ? 'yes' : 'no');
    }
    case 'country': {
      const value = storedValue('country', typed);
      return value === null ? plain : shown(value.name === value.code ? value.code : `${value.name} (${value.code})`);
    }
    case 'list': {
      const value = storedValue('list', typed);
      return value === null ? plain : shown(value.join(', '));
    }
    default: {
      const value = storedValue(type, typed);
      return typeof value === 'string' ? shown(value) : plain;
    }
  }
}

/** A field's label and type, for a column header. */
export const fieldTypeOf = (fields: readonly FieldInfo[], key: string): FieldType => fields.find((f) => f.key === key)?.type ?? 'text';
