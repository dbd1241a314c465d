import { z } from 'zod';

/**
 * The types a field can have. Every value of a typed field is parsed once, at
 * import, into the JavaScript value its type names (see `TypedValueOf`); the
 * text it came from is kept beside it.
 */
export const FIELD_TYPES = ['text', 'number', 'money', 'date', 'date-time', 'boolean', 'email', 'phone', 'country', 'list'] as const;
export const FieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldType>;

export interface Money {
  amount: number;
  /** ISO 4217 code, or null when the value named no currency (or an ambiguous one such as "kr"). */
  currency: string | null;
}

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** The name as the file wrote it; for a code, the English name. */
  name: string;
}

/**
 * What each type parses to. Dates are calendar dates as text, 'YYYY-MM-DD', or
 * '--MM-DD' (ISO 8601's month-day form) for a birthday without a year, so no
 * time zone can move them. Date-times are ISO 8601 text as written: with their
 * offset when they carry one, otherwise local wall time.
 */
export interface TypedValueOf {
  text: string;
  number: number;
  money: Money;
  date: string;
  'date-time': string;
  boolean: boolean;
  email: string;
  phone: string;
  country: Country;
  list: string[];
}

export type TypedValue = TypedValueOf[FieldType];
