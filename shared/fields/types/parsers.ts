import { type FieldType, type TypedValue, type TypedValueOf } from './field-type';
import { type ParseContext, type ParseResult, type Parser } from './parse-context';
import { parseBoolean } from './parse-boolean';
import { parseCountry } from './parse-country';
import { parseDate } from './parse-date';
import { parseDateTime } from './parse-date-time';
import { parseEmail } from './parse-email';
import { parseList } from './parse-list';
import { parseMoney } from './parse-money';
import { parseNumber } from './parse-number';
import { parsePhone } from './parse-phone';
import { parseText } from './parse-text';

export const PARSERS: { readonly [T in FieldType]: Parser<TypedValueOf[T]> } = {
  text: parseText,
  number: parseNumber,
  money: parseMoney,
  date: parseDate,
  'date-time': parseDateTime,
  boolean: parseBoolean,
  email: parseEmail,
  phone: parsePhone,
  country: parseCountry,
  list: parseList,
};

/**
 * Parse one cell as a field of the given type. A blank cell is a missing
 * value (null), not a failure: whether a field is required is a validation
 * rule's business.
 */
export function parseValue(type: FieldType, raw: string, ctx: ParseContext): ParseResult<TypedValue | null> {
  if (raw.trim() === '') return { ok: true, value: null, original: raw };
  return (PARSERS[type] as Parser<TypedValue>)(raw, ctx);
}
