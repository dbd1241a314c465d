import { z } from 'zod';
import type { FieldType, TypedValue, TypedValueOf } from './field-type';

/**
 * How a typed value is stored in `customers.typed` (a JSON object by field
 * key) and checked when it is read back. A workspace is untrusted input, so
 * a stored value is trusted only if its shape is the one its field's type
 * gives; anything else reads as absent, and the field's text stays.
 */
const Money = z.object({ amount: z.number(), currency: z.string().nullable() });
const Country = z.object({ code: z.string().length(2), name: z.string() });

const SHAPES: { readonly [T in FieldType]: z.ZodType<TypedValueOf[T]> } = {
  text: z.string(),
  number: z.number(),
  money: Money,
  date: z.string(),
  'date-time': z.string(),
  boolean: z.boolean(),
  email: z.string(),
  phone: z.string(),
  country: Country,
  list: z.array(z.string()),
};

/** A stored value of `type`, or null when it is missing or not of that type's shape. */
export function storedValue<T extends FieldType>(type: T, value: unknown): TypedValueOf[T] | null;
export function storedValue(type: FieldType, value: unknown): TypedValue | null {
  if (value === undefined || value === null) return null;
  const parsed = SHAPES[type].safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The JSON path (below the field's key) of the scalar a type sorts and
 * compares by: a money value by its amount, a country by its ISO code. SQLite
 * reads JSON true/false as 1/0, numbers as numbers, ISO dates as text that
 * sorts in date order.
 */
export const SCALAR_PATH: { readonly [T in FieldType]: string } = {
  text: '',
  number: '',
  money: '.amount',
  date: '',
  'date-time': '',
  boolean: '',
  email: '',
  phone: '',
  country: '.code',
  list: '',
};

/** The JSON path of a field's comparable scalar in `customers.typed`; keys are snake_case, quoted anyway. */
export const typedPath = (key: string, type: FieldType): string => `$."${key}"${SCALAR_PATH[type]}`;
