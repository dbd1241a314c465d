import { SCORES } from '../../scores/score-names';
import { RuleError } from '../rule-error';
import type { ScoreCondition } from '../rule-tree';
import { numberValue, SQL_COMPARISON } from './compare';
import { membership, type SqlBuilder } from './sql';

/** Operators true of a customer who has no such score (never computed, or no value). */
const EMPTY_MATCHES: ReadonlySet<string> = new Set(['not_equals', 'not_contains', 'not_in_list', 'is_empty']);

/**
 * A condition on a computed score (`customer_scores`, one row per customer
 * and score): numbers compare numerically, labels ("Champions") without case.
 * A customer without the score is "empty": it matches is empty, is not, not
 * in list and does not contain, and nothing else.
 */
export function scoreSql(b: SqlBuilder, condition: ScoreCondition): string {
  const definition = SCORES[condition.score];
  const what = `"${condition.score}"`;
  const x = definition.holds === 'number' ? 'value' : `nullif(label, '')`;
  const where = [`score = ${b.bind(condition.score)}`, `${x} IS NOT NULL`];
  const op = condition.op;
  const emptyMatches = EMPTY_MATCHES.has(op);
  const text = (value: string): string => {
    if (value.trim() === '') throw new RuleError(`Give a value for ${what}.`);
    return value.trim();
  };
  const typed = (value: string): string | number => (definition.holds === 'number' ? numberValue(value, what) : text(value));
  const collate = definition.holds === 'label' ? ' COLLATE NOCASE' : '';
  let predicate: string | null;
  switch (op) {
    case 'is_empty':
    case 'is_not_empty':
      predicate = null;
      break;
    case 'equals':
    case 'not_equals':
      predicate = `${x} = ${b.bind(typed(condition.value))}${collate}`;
      break;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (definition.holds !== 'number') throw new RuleError(`${what} is a label: use is, is not or in list.`);
      predicate = `${x} ${SQL_COMPARISON[op]} ${b.bind(numberValue(condition.value, what))}`;
      break;
    case 'contains':
    case 'not_contains':
      if (definition.holds !== 'label') throw new RuleError(`${what} is a number: compare it with is, greater or less than.`);
      predicate = `instr(lower(${x}), lower(${b.bind(text(condition.value))})) > 0`;
      break;
    case 'starts_with':
      if (definition.holds !== 'label') throw new RuleError(`${what} is a number: compare it with is, greater or less than.`);
      predicate = `substr(lower(${x}), 1, length(${b.bind(text(condition.value))})) = lower(${b.bind(text(condition.value))})`;
      break;
    case 'in_list':
    case 'not_in_list': {
      const values = condition.values.filter((value) => value.trim() !== '');
      if (values.length === 0) throw new RuleError(`Give at least one value for ${what}.`);
      predicate = `${definition.holds === 'label' ? `lower(${x})` : x} IN (${values
        .map((value) => (definition.holds === 'label' ? `lower(${b.bind(text(value))})` : b.bind(typed(value))))
        .join(', ')})`;
      break;
    }
    default:
      throw new RuleError(`${what} is a score, not a date: compare its value.`);
  }
  // For the negative operators the predicate is their positive twin: the customers it holds for are the ones left out.
  if (predicate !== null) where.push(predicate);
  const scope = where.join(' AND ');
  return membership(b, condition, { from: 'customer_scores', where: () => scope, having: null, emptyMatches });
}
