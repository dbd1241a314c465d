import type { TypedField } from '../fields/catalogue';
import { DEFAULT_CONTEXT, parseValue, type FieldType, type TypedValue } from '../fields/types';
import { storedValue, typedPath } from '../fields/types/stored-value';
import type { Condition } from './rule';
import { RuleError, type SqlParam } from './rule-error';

/** Types whose comparisons read the stored typed value rather than the text. */
export const BY_VALUE: ReadonlySet<FieldType> = new Set(['number', 'money', 'date', 'date-time', 'boolean', 'country', 'phone']);
const COMPARISONS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

const WHAT: Partial<Record<FieldType, string>> = {
  number: 'a number',
  money: 'an amount',
  date: 'a date',
  'date-time': 'a date and time',
  boolean: 'yes or no (true/false, 1/0)',
  country: 'a country name or ISO code',
  phone: 'a phone number',
};

/** The value a rule compares with, read as the field's type: plain "1234.5" always, else in the field's locale. */
export function ruleValue(condition: Condition, field: TypedField): SqlParam {
  const value = condition.value.trim();
  if ((field.type === 'number' || field.type === 'money') && PLAIN_NUMBER.test(value)) return Number(value);
  let parsed: TypedValue | null = null;
  for (const context of [field.context, DEFAULT_CONTEXT]) {
    const result = parseValue(field.type, value, context);
    if (result.ok && result.value !== null) {
      parsed = result.value;
      break;
    }
  }
  if (parsed === null) {
    throw new RuleError(
      `"${condition.field}" is ${WHAT[field.type] ?? field.type} field: "${value}" is not ${WHAT[field.type] ?? 'a valid value'}.`,
    );
  }
  switch (field.type) {
    case 'money':
      return storedValue('money', parsed)?.amount ?? 0;
    case 'country':
      return storedValue('country', parsed)?.code ?? '';
    case 'boolean':
      return parsed === true ? 1 : 0;
    default:
      return typeof parsed === 'number' || typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
  }
}

/**
 * SQL comparing a typed field's stored value (`customers.typed`), or null when
 * the condition is a text match (contains, starts with, empty) that reads the
 * text as imported. A customer whose value did not parse has no stored value
 * and matches no comparison. An ordering comparison on a type without an
 * order (booleans, countries, phones) is refused.
 */
export function typedConditionSql(condition: Condition, field: TypedField, params: SqlParam[]): string | null {
  if (!BY_VALUE.has(field.type)) return null;
  const op = condition.op;
  const ordered = op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte';
  if (!ordered && op !== 'equals' && op !== 'not_equals') return null;
  if (ordered && (field.type === 'boolean' || field.type === 'country' || field.type === 'phone')) {
    throw new RuleError(
      `"${condition.field}" is ${WHAT[field.type]} field: it cannot be greater or less than a value. Use "is" or "is not".`,
    );
  }
  if (condition.value.trim() === '') return null;
  const value = ruleValue(condition, field);
  params.push(typedPath(condition.field, field.type));
  const stored = 'json_extract(customers.typed, ?)';
  if (ordered) {
    params.push(value);
    return `${stored} ${COMPARISONS[op]} ?`;
  }
  params.push(value);
  return op === 'equals' ? `${stored} = ?` : `${stored} IS NOT ?`;
}
