import type { FieldType } from '../fields/types/field-type';
import { OPERATORS, type Operator } from './rule';

const ORDERED: readonly Operator[] = ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'is_not_empty'];
const TEXTUAL: readonly Operator[] = ['equals', 'not_equals', 'contains', 'not_contains', 'starts_with', 'is_empty', 'is_not_empty'];

/**
 * The operators the rule editor offers for a field of each type: numbers,
 * money and dates compare in order, booleans are yes or no, codes and
 * addresses match as text. Text fields keep every operator (ISO dates in a
 * text column still compare in order).
 */
export const OPERATORS_BY_TYPE: { readonly [T in FieldType]: readonly Operator[] } = {
  text: OPERATORS,
  number: ORDERED,
  money: ORDERED,
  date: ORDERED,
  'date-time': ORDERED,
  boolean: ['equals', 'not_equals', 'is_empty', 'is_not_empty'],
  email: TEXTUAL,
  phone: TEXTUAL,
  country: TEXTUAL,
  list: ['contains', 'not_contains', 'is_empty', 'is_not_empty'],
};

/** What a value box asks for, by type. */
export const VALUE_HINTS: Partial<Record<FieldType, string>> = {
  number: 'a number',
  money: 'an amount',
  date: 'a date, e.g. 2026-05-01',
  'date-time': 'a date and time',
  boolean: 'yes or no',
  country: 'a country or ISO code',
};
