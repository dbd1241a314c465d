import { CANONICAL_KEYS } from '../../fields/canonical';
import type { TypedField } from '../../fields/catalogue';
import { typedPath } from '../../fields/types/stored-value';
import { conditionSql, fieldText } from '../compile-sql';
import { Operator, type Condition } from '../rule';
import { RuleError } from '../rule-error';
import type { FieldCondition } from '../rule-tree';
import { BY_VALUE, ruleValue } from '../typed-condition';
import { dayCount, daysAgo, lastDays, monthDaysAhead } from './dates';
import type { SqlBuilder } from './sql';

const CANONICAL: ReadonlySet<string> = new Set(CANONICAL_KEYS);
const FLAT: ReadonlySet<string> = new Set(Operator.options);
const DATE_TYPES: ReadonlySet<string> = new Set(['date', 'date-time']);

const typedFieldOf = (b: SqlBuilder, field: string): TypedField | undefined =>
  Object.hasOwn(b.ctx.catalogue, field) ? b.ctx.catalogue[field] : undefined;

/**
 * Returns a function emitting SQL that reads a field as a calendar day
 * (yyyy-mm-dd, or --mm-dd for a date without a year; '' when it has none).
 * Each emission binds its own parameters, so it can appear several times.
 */
function dayOf(b: SqlBuilder, condition: FieldCondition): () => string {
  const typed = typedFieldOf(b, condition.field);
  if (typed && !DATE_TYPES.has(typed.type)) {
    throw new RuleError(`"${condition.field}" is not a date field: "in the last days" and "anniversary" need a date.`);
  }
  if (typed) {
    const path = typedPath(condition.field, typed.type);
    return () => `substr(COALESCE(json_extract(customers.typed, ${b.bind(path)}), ''), 1, 10)`;
  }
  // An untyped field holding ISO dates (as imported before field types) still compares by its text.
  const text = fieldText(condition.field, b.ctx.knownCustom, b.params);
  return () => `substr(${text()}, 1, 10)`;
}

const FULL_DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

function listSql(b: SqlBuilder, condition: FieldCondition): string {
  const values = condition.values.map((value) => value.trim()).filter((value) => value !== '');
  if (values.length === 0) throw new RuleError(`Give at least one value for "${condition.field}".`);
  const negate = condition.op === 'not_in_list';
  const typed = typedFieldOf(b, condition.field);
  if (typed && BY_VALUE.has(typed.type)) {
    const typedValues = values.map((value) => ruleValue({ field: condition.field, op: 'equals', value }, typed));
    const path = typedPath(condition.field, typed.type);
    const stored = () => `json_extract(customers.typed, ${b.bind(path)})`;
    // A customer without a value is in no list, so "not in list" keeps them.
    if (negate) return `(${stored()} IS NULL OR ${stored()} NOT IN (${b.bindList(typedValues)}))`;
    return `${stored()} IN (${b.bindList(typedValues)})`;
  }
  const text = fieldText(condition.field, b.ctx.knownCustom, b.params);
  return `lower(${text()}) ${negate ? 'NOT IN' : 'IN'} (${values.map((value) => `lower(${b.bind(value)})`).join(', ')})`;
}

/**
 * A profile field condition. The flat rule's operators compile as they
 * always have (typed comparisons by the field's type, text matches on the
 * imported text); lists compare typed values; relative dates count from the
 * as-of date.
 */
export function fieldSql(b: SqlBuilder, condition: FieldCondition): string {
  if (FLAT.has(condition.op)) {
    const flat: Condition = { field: condition.field, op: condition.op as Operator, value: condition.value };
    return conditionSql(flat, b.ctx.knownCustom, b.ctx.catalogue, b.params);
  }
  if (!CANONICAL.has(condition.field) && !b.ctx.knownCustom.has(condition.field)) {
    throw new RuleError(`Unknown field "${condition.field}". Pick one of the workspace's fields.`);
  }
  switch (condition.op) {
    case 'in_list':
    case 'not_in_list':
      return listSql(b, condition);
    case 'in_last_days': {
      const { from, until } = lastDays(b.ctx.asOf, dayCount(condition.value, `"${condition.field}" in the last days`));
      const day = dayOf(b, condition);
      return `(${day()} ${FULL_DATE} AND ${day()} >= ${b.bind(from)} AND ${day()} < ${b.bind(until)})`;
    }
    case 'more_than_days_ago': {
      const before = daysAgo(b.ctx.asOf, dayCount(condition.value, `"${condition.field}" more than days ago`));
      const day = dayOf(b, condition);
      return `(${day()} ${FULL_DATE} AND ${day()} < ${b.bind(before)})`;
    }
    case 'anniversary_in_next_days': {
      const days = dayCount(condition.value, `"${condition.field}" in the next days`, 366);
      const day = dayOf(b, condition);
      // yyyy-mm-dd and --mm-dd both end with the month-day.
      return `(${day()} <> '' AND substr(${day()}, -5) IN (${b.bindList(monthDaysAhead(b.ctx.asOf, days))}))`;
    }
  }
  throw new RuleError(`"${condition.op}" is not an operator for a field.`);
}
