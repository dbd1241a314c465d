import type { FieldType } from '../../../shared/fields/types';
import { SCORES, SCORE_NAMES, type ScoreName } from '../../../shared/scores/score-names';
import { OPERATORS_BY_TYPE } from '../../../shared/segments/operators';
import { OPERATOR_LABELS } from '../../../shared/segments/rule';
import type { AggregateOperator, EventsCondition, FieldOperator, LeafCondition, OrderMeasure } from '../../../shared/segments/rule-tree';

/** What each condition kind is called in the builder's kind picker. */
export const LEAF_KINDS: readonly { kind: LeafCondition['kind']; label: string }[] = [
  { kind: 'field', label: 'Profile field' },
  { kind: 'orders', label: 'Orders' },
  { kind: 'events', label: 'Events' },
  { kind: 'score', label: 'Score' },
  { kind: 'segment', label: 'Segment' },
];

export const FIELD_OPERATOR_LABELS: Record<FieldOperator, string> = {
  ...OPERATOR_LABELS,
  in_list: 'is one of',
  not_in_list: 'is none of',
  in_last_days: 'is in the last … days',
  more_than_days_ago: 'is more than … days ago',
  anniversary_in_next_days: 'has its anniversary in the next … days',
};

const DATE_EXTRAS: readonly FieldOperator[] = ['in_last_days', 'more_than_days_ago', 'anniversary_in_next_days'];
const LIST_EXTRAS: readonly FieldOperator[] = ['in_list', 'not_in_list'];

/** The operators a field of `type` offers: the flat rule's, plus lists (not for list fields) and days relative to the as-of date for dates. */
export function fieldOperatorsFor(type: FieldType): readonly FieldOperator[] {
  const base: FieldOperator[] = [...OPERATORS_BY_TYPE[type]];
  if (type !== 'list' && type !== 'boolean') base.push(...LIST_EXTRAS);
  if (type === 'date' || type === 'date-time') base.push(...DATE_EXTRAS);
  return base;
}

/** Scores compare as numbers or as labels (tiers, cluster names). */
export const scoreOperatorsFor = (score: ScoreName): readonly FieldOperator[] =>
  fieldOperatorsFor(SCORES[score].holds === 'number' ? 'number' : 'text');

export const SCORE_OPTIONS = SCORE_NAMES.map((name) => ({ name, description: SCORES[name].description }));

export const ORDER_MEASURE_LABELS: Record<OrderMeasure, string> = {
  count: 'Number of orders',
  total: 'Total spent',
  average: 'Average order value',
  first_order: 'First order date',
  last_order: 'Last order date',
};

export const AGGREGATE_LABELS: Record<AggregateOperator, string> = {
  equals: 'is',
  not_equals: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  in_last_days: 'is in the last … days',
  more_than_days_ago: 'is more than … days ago',
};

const NUMBER_AGGREGATES: readonly AggregateOperator[] = ['gte', 'gt', 'equals', 'not_equals', 'lte', 'lt'];
const DATE_AGGREGATES: readonly AggregateOperator[] = ['in_last_days', 'more_than_days_ago', 'gt', 'lt', 'equals'];

export const aggregateOperatorsFor = (measure: OrderMeasure): readonly AggregateOperator[] =>
  measure === 'first_order' || measure === 'last_order' ? DATE_AGGREGATES : NUMBER_AGGREGATES;

export const COUNT_OP_LABELS: Record<EventsCondition['countOp'], string> = {
  at_least: 'at least',
  at_most: 'at most',
  exactly: 'exactly',
};

/** Operators whose value is a number of days. */
export const isDayOperator = (op: string): boolean =>
  op === 'in_last_days' || op === 'more_than_days_ago' || op === 'anniversary_in_next_days';
export const isListOperator = (op: string): boolean => op === 'in_list' || op === 'not_in_list';
