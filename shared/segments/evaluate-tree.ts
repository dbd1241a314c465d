import type { FieldType } from '../fields/types/field-type';
import { SCORES, type ScoreName } from '../scores/score-names';
import type { EventsCondition, FieldCondition, OrdersCondition, RuleNode, RuleTree, ScoreCondition } from './rule-tree';

/**
 * An in-memory evaluator of rule trees over plain customer data: the oracle
 * the SQL compiler is checked against (property test). It shares no code
 * with the compiler: windows, aggregates and comparisons are written again
 * here, directly from the rule tree's documented meaning, on JavaScript
 * values. Text matches fold ASCII case only, as SQLite's NOCASE and lower()
 * do. Rule values here are assumed already valid (the compiler refuses
 * invalid ones); typed values are read in their plain forms (3, 2026-05-01, FR).
 */

export interface EvalOrder {
  orderedAt: string;
  total: number;
  category: string | null;
}

export interface EvalEvent {
  type: string;
  occurredAt: string;
  category?: string | undefined;
  product?: string | undefined;
}

export interface EvalCustomer {
  id: string;
  /** Every field's text as imported, by key ('' or absent: empty). */
  text: Readonly<Record<string, string>>;
  /** Typed fields' comparable values by key: numbers, ISO dates, country codes, booleans. */
  typed: Readonly<Record<string, string | number | boolean>>;
  orders: readonly EvalOrder[];
  events: readonly EvalEvent[];
  scores: Readonly<Partial<Record<ScoreName, number | string>>>;
}

export interface EvalSegment {
  name: string;
  tree: RuleTree;
  kind: 'dynamic' | 'static';
  asOf: string | null;
  /** A static segment's snapshot. */
  members?: ReadonlySet<string>;
}

export interface EvalContext {
  /** The type of every typed field (absent: text). */
  types: Readonly<Record<string, FieldType>>;
  asOf: string;
  segments: ReadonlyMap<number, EvalSegment>;
}

const fold = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Whole days between two ISO dates (b − a). */
const dayDiff = (a: string, b: string): number => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

/** The calendar day of a date or timestamp, or null when it is not a full date. */
const dayOf = (text: string): string | null => (/^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null);

/** Within N days ending with the as-of day. */
const inLastDays = (day: string, asOf: string, n: number): boolean => {
  const diff = dayDiff(day, asOf);
  return diff >= 0 && diff < n;
};

const moreThanDaysAgo = (day: string, asOf: string, n: number): boolean => dayDiff(day, asOf) > n;

const notAfter = (stamp: string, asOf: string): boolean => (dayOf(stamp) ?? stamp) <= asOf;

function compareNumbers(op: string, a: number, b: number): boolean {
  switch (op) {
    case 'equals':
      return a === b;
    case 'not_equals':
      return a !== b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    default:
      return false;
  }
}

function compareText(op: string, a: string, b: string): boolean {
  return compareNumbers(op, a < b ? -1 : a > b ? 1 : 0, 0);
}

/** SQLite's CAST(text AS REAL): the longest numeric prefix, else 0. */
function castReal(text: string): number {
  const match = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text);
  return match ? Number(match[0]) : 0;
}

/** The comparable form of a rule value for a typed field. */
function typedRuleValue(type: FieldType, value: string): string | number | boolean {
  const text = value.trim();
  switch (type) {
    case 'number':
    case 'money':
      return Number(text);
    case 'boolean':
      return ['true', 'yes', '1'].includes(fold(text));
    case 'country':
      return text.toUpperCase();
    default:
      return text;
  }
}

const BY_VALUE: ReadonlySet<FieldType> = new Set(['number', 'money', 'date', 'date-time', 'boolean', 'country', 'phone']);

function monthDayWithin(day: string, asOf: string, n: number): boolean {
  const md = day.slice(-5);
  for (let offset = 0; offset <= n; offset++) {
    const date = new Date(Date.parse(`${asOf}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    if (date.slice(5) === md) return true;
    const year = Number(date.slice(0, 4));
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (md === '02-29' && date.slice(5) === '02-28' && !leap) return true;
  }
  return false;
}

function fieldMatches(customer: EvalCustomer, c: FieldCondition, ctx: EvalContext): boolean {
  const type = ctx.types[c.field];
  const text = customer.text[c.field] ?? '';
  const typed = Object.hasOwn(customer.typed, c.field) ? customer.typed[c.field] : undefined;
  const value = c.value.trim();
  const byValue = type !== undefined && BY_VALUE.has(type);
  const dateText = (): string => (type === 'date' || type === 'date-time' ? String(typed ?? '') : text).slice(0, 10);
  switch (c.op) {
    case 'is_empty':
      return text.trim() === '';
    case 'is_not_empty':
      return text.trim() !== '';
    case 'contains':
      return fold(text).includes(fold(value));
    case 'not_contains':
      return !fold(text).includes(fold(value));
    case 'starts_with':
      return fold(text).startsWith(fold(value));
    case 'equals':
    case 'not_equals':
      if (byValue && value !== '') {
        const same = typed !== undefined && typed === typedRuleValue(type, value);
        return c.op === 'equals' ? same : !same;
      }
      return c.op === 'equals' ? fold(text) === fold(value) : fold(text) !== fold(value);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (byValue) {
        if (typed === undefined) return false;
        const expected = typedRuleValue(type, value);
        return typeof typed === 'number' && typeof expected === 'number'
          ? compareNumbers(c.op, typed, expected)
          : compareText(c.op, String(typed), String(expected));
      }
      if (text.trim() === '') return false;
      return /^-?\d+(\.\d+)?$/.test(value) ? compareNumbers(c.op, castReal(text), Number(value)) : compareText(c.op, text, value);
    case 'in_list':
    case 'not_in_list': {
      const values = c.values.map((v) => v.trim()).filter((v) => v !== '');
      const found = byValue
        ? typed !== undefined && values.some((v) => typedRuleValue(type, v) === typed)
        : values.some((v) => fold(v) === fold(text));
      return c.op === 'in_list' ? found : !found;
    }
    case 'in_last_days': {
      const day = dayOf(dateText());
      return day !== null && inLastDays(day, ctx.asOf, Number(value));
    }
    case 'more_than_days_ago': {
      const day = dayOf(dateText());
      return day !== null && moreThanDaysAgo(day, ctx.asOf, Number(value));
    }
    case 'anniversary_in_next_days': {
      const day = dateText();
      return day !== '' && monthDayWithin(day, ctx.asOf, Number(value));
    }
  }
}

function ordersMatch(customer: EvalCustomer, c: OrdersCondition, asOf: string): boolean {
  const scoped = customer.orders.filter(
    (order) =>
      notAfter(order.orderedAt, asOf) &&
      (c.windowDays === null || inLastDays(order.orderedAt.slice(0, 10), asOf, c.windowDays)) &&
      (c.category === null || c.category.trim() === '' || (order.category !== null && fold(order.category) === fold(c.category.trim()))),
  );
  const value = c.value.trim();
  switch (c.measure) {
    case 'count':
      return compareNumbers(c.op, scoped.length, Number(value));
    case 'total':
      return compareNumbers(
        c.op,
        scoped.reduce((sum, order) => sum + order.total, 0),
        Number(value),
      );
    case 'average':
      return scoped.length > 0 && compareNumbers(c.op, scoped.reduce((sum, o) => sum + o.total, 0) / scoped.length, Number(value));
    case 'first_order':
    case 'last_order': {
      if (scoped.length === 0) return false;
      const days = scoped.map((order) => order.orderedAt.slice(0, 10)).sort();
      const day = (c.measure === 'first_order' ? days[0] : days[days.length - 1]) ?? '';
      if (c.op === 'in_last_days') return inLastDays(day, asOf, Number(value));
      if (c.op === 'more_than_days_ago') return moreThanDaysAgo(day, asOf, Number(value));
      return compareText(c.op, day, value);
    }
  }
}

function eventsMatch(customer: EvalCustomer, c: EventsCondition, asOf: string): boolean {
  const same = (actual: string | undefined, wanted: string | null): boolean =>
    wanted === null || wanted.trim() === '' || (actual !== undefined && fold(actual) === fold(wanted.trim()));
  const count = customer.events.filter(
    (event) =>
      event.type === c.eventType.trim() &&
      notAfter(event.occurredAt, asOf) &&
      (c.windowDays === null || inLastDays(event.occurredAt.slice(0, 10), asOf, c.windowDays)) &&
      same(event.category, c.category) &&
      same(event.product, c.product),
  ).length;
  if (!c.did) return count === 0;
  return c.countOp === 'at_least' ? count >= c.times : c.countOp === 'at_most' ? count <= c.times : count === c.times;
}

function scoreMatches(customer: EvalCustomer, c: ScoreCondition): boolean {
  const holds = SCORES[c.score].holds;
  const raw = customer.scores[c.score];
  const present = raw !== undefined && raw !== '';
  const value = c.value.trim();
  const equal = (wanted: string): boolean =>
    present && (holds === 'number' ? raw === Number(wanted) : fold(String(raw)) === fold(wanted.trim()));
  switch (c.op) {
    case 'is_empty':
      return !present;
    case 'is_not_empty':
      return present;
    case 'equals':
      return equal(value);
    case 'not_equals':
      return !equal(value);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return present && typeof raw === 'number' && compareNumbers(c.op, raw, Number(value));
    case 'contains':
      return present && fold(String(raw)).includes(fold(value));
    case 'not_contains':
      return !(present && fold(String(raw)).includes(fold(value)));
    case 'starts_with':
      return present && fold(String(raw)).startsWith(fold(value));
    case 'in_list':
      return c.values.some((v) => v.trim() !== '' && equal(v));
    case 'not_in_list':
      return !c.values.some((v) => v.trim() !== '' && equal(v));
    default:
      return false;
  }
}

const isEmptyGroup = (node: RuleNode): boolean => node.kind === 'group' && node.children.every(isEmptyGroup);

function nodeMatches(customer: EvalCustomer, node: RuleNode, ctx: EvalContext): boolean {
  switch (node.kind) {
    case 'group': {
      const children = node.children.filter((child) => !isEmptyGroup(child));
      if (children.length === 0) return true;
      const result =
        node.combinator === 'and'
          ? children.every((child) => nodeMatches(customer, child, ctx))
          : children.some((child) => nodeMatches(customer, child, ctx));
      return node.negate ? !result : result;
    }
    case 'field':
      return fieldMatches(customer, node, ctx);
    case 'orders':
      return ordersMatch(customer, node, ctx.asOf);
    case 'events':
      return eventsMatch(customer, node, ctx.asOf);
    case 'score':
      return scoreMatches(customer, node);
    case 'segment': {
      const segment = ctx.segments.get(node.segmentId);
      if (!segment) throw new Error(`segment ${node.segmentId} is unknown`);
      const inside =
        segment.kind === 'static'
          ? (segment.members?.has(customer.id) ?? false)
          : nodeMatches(customer, segment.tree, { ...ctx, asOf: segment.asOf ?? ctx.asOf });
      return node.member ? inside : !inside;
    }
  }
}

/** The ids of the customers a tree matches, in the order given. */
export function evaluateTree(customers: readonly EvalCustomer[], tree: RuleTree, ctx: EvalContext): string[] {
  return customers.filter((customer) => isEmptyGroup(tree) || nodeMatches(customer, tree, ctx)).map((customer) => customer.id);
}
