import { SCORES } from '../scores/score-names';
import { DEFAULT_CONTEXT, parseValue, type FieldType, type ParseContext } from '../fields/types';
import type { EventsCondition, FieldCondition, FieldOperator, LeafCondition, OrdersCondition, ScoreCondition } from './rule-tree';

/** What the builder knows of a profile field: its type and the locale its values were imported with. */
export interface LeafField {
  readonly type: FieldType;
  readonly locale?: ParseContext | null;
}

export interface LeafContext {
  /** Profile fields by key; a field missing here is unknown to the workspace. */
  readonly fields: ReadonlyMap<string, LeafField>;
  /** The segment being edited: a rule may not ask for membership of itself. */
  readonly selfId?: number;
  /** Ids of the segments that exist, when known: a condition on a deleted segment is flagged. */
  readonly segmentIds?: ReadonlySet<number>;
}

/** How a type is named in messages, as the compiler names it (typed-condition.ts). */
const WHAT: Partial<Record<FieldType, string>> = {
  number: 'a number',
  money: 'an amount',
  date: 'a date',
  'date-time': 'a date and time',
  boolean: 'yes or no (true/false, 1/0)',
  country: 'a country name or ISO code',
  phone: 'a phone number',
};
/** Types whose comparisons read the typed value, so a value that does not parse can never match. */
const BY_VALUE: ReadonlySet<FieldType> = new Set(['number', 'money', 'date', 'date-time', 'boolean', 'country', 'phone']);
const UNORDERED: ReadonlySet<FieldType> = new Set(['boolean', 'country', 'phone']);
const ORDERED_OPS: ReadonlySet<string> = new Set(['gt', 'gte', 'lt', 'lte']);
const DAY_OPS: ReadonlySet<string> = new Set(['in_last_days', 'more_than_days_ago', 'anniversary_in_next_days']);
const LIST_OPS: ReadonlySet<string> = new Set(['in_list', 'not_in_list']);
const UNARY_OPS: ReadonlySet<string> = new Set(['is_empty', 'is_not_empty']);
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const WHOLE_NUMBER = /^\d+$/;
const MAX_DAYS = 36_500;

const what = (type: FieldType): string => WHAT[type] ?? 'a valid value';

/** Whether `value` reads as `type`: plain "1234.5" always, else in the field's locale, else the default one (as the compiler reads it). */
export function readsAs(type: FieldType, value: string, locale?: ParseContext | null): boolean {
  const trimmed = value.trim();
  if ((type === 'number' || type === 'money') && PLAIN_NUMBER.test(trimmed)) return true;
  for (const context of [locale ?? DEFAULT_CONTEXT, DEFAULT_CONTEXT]) {
    const result = parseValue(type, trimmed, context);
    if (result.ok && result.value !== null) return true;
  }
  return false;
}

/** A positive whole number of days, or the message saying why not. */
function daysProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter a number of days.';
  if (!WHOLE_NUMBER.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > MAX_DAYS) {
    return `"${trimmed}" is not a number of days: enter a whole number from 1 to ${MAX_DAYS}.`;
  }
  return null;
}

/** One value compared with a field of `type`, named `name` in the message. */
function valueProblem(name: string, type: FieldType, value: string, locale?: ParseContext | null): string | null {
  if (!BY_VALUE.has(type) || value.trim() === '') return null;
  return readsAs(type, value, locale) ? null : `"${name}" is ${what(type)} field: "${value.trim()}" is not ${what(type)}.`;
}

/** Operator, value and list checks shared by profile fields and scores. */
function comparisonProblem(
  name: string,
  type: FieldType,
  op: FieldOperator,
  value: string,
  values: readonly string[],
  locale?: ParseContext | null,
): string | null {
  if (UNARY_OPS.has(op)) return null;
  if (DAY_OPS.has(op)) {
    if (type !== 'date' && type !== 'date-time')
      return `"${name}" is ${type === 'text' ? 'a text' : `${what(type)}`} field: only dates can be compared in days.`;
    return daysProblem(value);
  }
  if (LIST_OPS.has(op)) {
    const items = values.map((item) => item.trim()).filter((item) => item !== '');
    if (items.length === 0) return 'Add at least one value to the list.';
    for (const item of items) {
      const problem = valueProblem(name, type, item, locale);
      if (problem) return problem;
    }
    return null;
  }
  if (ORDERED_OPS.has(op)) {
    if (UNORDERED.has(type)) return `"${name}" is ${what(type)} field: it cannot be greater or less than a value. Use "is" or "is not".`;
    if (value.trim() === '') return 'Enter a value to compare with.';
  }
  return valueProblem(name, type, value, locale);
}

function fieldProblem(leaf: FieldCondition, context: LeafContext): string | null {
  const field = context.fields.get(leaf.field);
  if (!field) return `There is no field "${leaf.field}" in this workspace.`;
  return comparisonProblem(leaf.field, field.type, leaf.op, leaf.value, leaf.values, field.locale);
}

function ordersProblem(leaf: OrdersCondition): string | null {
  const isDate = leaf.measure === 'first_order' || leaf.measure === 'last_order';
  if (DAY_OPS.has(leaf.op)) return isDate ? daysProblem(leaf.value) : 'Only first and last order dates can be compared in days.';
  const value = leaf.value.trim();
  if (value === '') return 'Enter a value to compare with.';
  if (isDate) return readsAs('date', value) ? null : `The ${leaf.measure.replace('_', ' ')} date is a date: "${value}" is not a date.`;
  if (leaf.measure === 'count') return WHOLE_NUMBER.test(value) ? null : `The number of orders is a whole number: "${value}" is not one.`;
  return readsAs('money', value) ? null : `The order ${leaf.measure} is an amount: "${value}" is not an amount.`;
}

function eventsProblem(leaf: EventsCondition): string | null {
  if (leaf.eventType.trim() === '') return 'Pick an event type.';
  return null;
}

function scoreProblem(leaf: ScoreCondition): string | null {
  const type: FieldType = SCORES[leaf.score].holds === 'number' ? 'number' : 'text';
  return comparisonProblem(leaf.score, type, leaf.op, leaf.value, leaf.values);
}

/**
 * Why a condition cannot be counted as typed, or null when it can: the
 * message the builder shows next to the value (`"total_spent" is an amount
 * field: "abc" is not an amount.`). Pure, so the builder checks every
 * keystroke without a round trip; the engine still refuses what slips by.
 */
export function validateLeaf(leaf: LeafCondition, context: LeafContext): string | null {
  switch (leaf.kind) {
    case 'field':
      return fieldProblem(leaf, context);
    case 'orders':
      return ordersProblem(leaf);
    case 'events':
      return eventsProblem(leaf);
    case 'score':
      return scoreProblem(leaf);
    case 'segment':
      if (leaf.segmentId === context.selfId) return 'A segment cannot be a condition of itself.';
      return context.segmentIds && !context.segmentIds.has(leaf.segmentId) ? 'Pick a segment.' : null;
  }
}
