import { CANONICAL_KEYS } from '../fields/canonical';
import type { FieldCatalogue } from '../fields/catalogue';
import type { Condition, SegmentRule } from './rule';
import { UNARY_OPERATORS } from './rule';
import { RuleError, type SqlParam } from './rule-error';
import { typedConditionSql } from './typed-condition';

export { RuleError, type SqlParam };

/** Columns of the customers table a rule may name directly. */
const COLUMN_FIELDS: ReadonlySet<string> = new Set(CANONICAL_KEYS);

export interface CompiledRule {
  /** A boolean SQL expression over the `customers` table; values appear only as `?` placeholders. */
  where: string;
  params: SqlParam[];
}

const CUSTOM_KEY = /^[a-z0-9_]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Returns a function that emits the SQL reading one field as text. Column names
 * come from a fixed list; custom attributes are read with json_extract and a
 * bound JSON path, so nothing a user typed is ever spliced into the SQL text.
 * Each emission pushes its own parameter, keeping `params` in placeholder order.
 */
export function fieldText(field: string, knownCustom: ReadonlySet<string>, params: SqlParam[]): () => string {
  if (COLUMN_FIELDS.has(field)) return () => `COALESCE(customers.${field}, '')`;
  if (CUSTOM_KEY.test(field) && knownCustom.has(field)) {
    return () => {
      params.push(`$."${field}"`);
      return `COALESCE(CAST(json_extract(customers.attributes, ?) AS TEXT), '')`;
    };
  }
  throw new RuleError(`Unknown field "${field}". Pick one of the workspace's fields.`);
}

/** Appends a value parameter and returns its placeholder, so SQL reads in parameter order. */
const bind = (params: SqlParam[], value: SqlParam): string => {
  params.push(value);
  return '?';
};

/** One flat condition as SQL over `customers` (the tree compiler's field leaves reuse it). */
export function conditionSql(
  condition: Condition,
  knownCustom: ReadonlySet<string>,
  catalogue: FieldCatalogue,
  params: SqlParam[],
): string {
  const text = fieldText(condition.field, knownCustom, params);
  const value = condition.value.trim();
  if (!UNARY_OPERATORS.has(condition.op) && value === '' && condition.op !== 'equals' && condition.op !== 'not_equals') {
    throw new RuleError(`Give a value for "${condition.field}".`);
  }
  const field = Object.hasOwn(catalogue, condition.field) ? catalogue[condition.field] : undefined;
  const typed = field ? typedConditionSql(condition, field, params) : null;
  if (typed !== null) return typed;
  switch (condition.op) {
    case 'equals':
      return `${text()} = ${bind(params, value)} COLLATE NOCASE`;
    case 'not_equals':
      return `${text()} <> ${bind(params, value)} COLLATE NOCASE`;
    case 'contains':
      return `instr(lower(${text()}), lower(${bind(params, value)})) > 0`;
    case 'not_contains':
      return `instr(lower(${text()}), lower(${bind(params, value)})) = 0`;
    case 'starts_with':
      return `substr(lower(${text()}), 1, length(${bind(params, value)})) = lower(${bind(params, value)})`;
    case 'is_empty':
      return `trim(${text()}) = ''`;
    case 'is_not_empty':
      return `trim(${text()}) <> ''`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const sqlOp = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[condition.op];
      // Numbers compare as numbers; anything else (ISO dates) as text. Empty values never match.
      if (NUMBER.test(value)) {
        return `(trim(${text()}) <> '' AND CAST(${text()} AS REAL) ${sqlOp} ${bind(params, Number(value))})`;
      }
      return `(trim(${text()}) <> '' AND ${text()} ${sqlOp} ${bind(params, value)})`;
    }
  }
}

/**
 * Compile a rule into a parameterised WHERE expression over `customers`.
 * With the workspace's field catalogue, typed fields compare by type: numbers
 * numerically, dates as dates, booleans as yes/no, countries by ISO code,
 * each against the value stored at import (see typed-condition.ts).
 */
export function compileRule(rule: SegmentRule, knownCustom: ReadonlySet<string>, catalogue: FieldCatalogue = {}): CompiledRule {
  const params: SqlParam[] = [];
  if (rule.conditions.length === 0) return { where: '1 = 1', params };
  const parts = rule.conditions.map((condition) => `(${conditionSql(condition, knownCustom, catalogue, params)})`);
  return { where: parts.join(' AND '), params };
}
