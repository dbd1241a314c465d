import { type FieldType, type TypedValue, type TypedValueOf } from '../fields/types';

/** What a template sees for a typed field. */
export type LiquidValue = string | number | boolean | string[] | undefined;

/**
 * A typed field's value as Liquid should see it, so conditions behave as an
 * author expects: numbers and money compare as numbers (`total_spent > 100`
 * for 1234), `false` is falsy (`{% if vip %}`), lists work with `contains` and
 * `for`. Dates stay text in the forms `calendar-dates.ts` reads as calendar
 * days ('YYYY-MM-DD'; date-times as written), so `| date:` prints them in every
 * time zone as written; a birthday without a year stays '--MM-DD'. Countries
 * are their ISO code, the same whatever language the file named them in.
 * A missing value is undefined, so `| default:` applies.
 */
export function liquidValue<T extends FieldType>(type: T, value: TypedValueOf[T] | null | undefined): LiquidValue;
export function liquidValue(type: FieldType, value: TypedValue | null | undefined): LiquidValue {
  if (value === null || value === undefined) return undefined;
  switch (type) {
    case 'money':
      return (value as TypedValueOf['money']).amount;
    case 'country':
      return (value as TypedValueOf['country']).code;
    case 'list':
      return [...(value as string[])];
    default:
      return value as string | number | boolean;
  }
}
