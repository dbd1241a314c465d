import { z } from 'zod';
import { SCORE_NAMES, type ScoreName } from '../scores/score-names';
import { Condition, Operator, type SegmentRule } from './rule';

/**
 * The segment rule as a tree: nested AND / OR groups (each can be negated)
 * whose leaves are conditions on a profile field, on the customer's orders,
 * on their events, on a computed score, or on membership of another segment.
 * It is data: stored as JSON, edited by the builder, compiled to SQL by one
 * compiler and checked against an in-memory evaluator. Every relative window
 * ("in the last 90 days") counts back from the segment's as-of date, never
 * from the wall clock directly, so results are reproducible.
 *
 * The flat rule of earlier versions (`{ match: 'all', conditions }`) is read
 * as one AND group of field conditions (`upgradeRule`).
 */

/** Operators on a profile field beyond the flat rule's: lists and dates relative to the as-of date. */
export const FIELD_OPERATORS = [
  ...Operator.options,
  'in_list',
  'not_in_list',
  /** A date within the last N days (value: N). */
  'in_last_days',
  /** A date more than N days ago (value: N). */
  'more_than_days_ago',
  /** A date within the next N days, year ignored: birthdays and anniversaries (value: N). */
  'anniversary_in_next_days',
] as const;
export const FieldOperator = z.enum(FIELD_OPERATORS);
export type FieldOperator = z.infer<typeof FieldOperator>;

/** A relative window in days counted back from the as-of date; null means all time. */
const WindowDays = z.number().int().min(1).max(36_500).nullable();

export const FieldCondition = z.object({
  kind: z.literal('field'),
  field: z.string().min(1, 'Pick a field for every condition.'),
  op: FieldOperator,
  value: z.string().max(500).default(''),
  /** The values of `in_list` / `not_in_list`. */
  values: z.array(z.string().max(500)).max(1000).default([]),
});
export type FieldCondition = z.infer<typeof FieldCondition>;

export const ORDER_MEASURES = ['count', 'total', 'average', 'first_order', 'last_order'] as const;
export const OrderMeasure = z.enum(ORDER_MEASURES);
export type OrderMeasure = z.infer<typeof OrderMeasure>;

export const AGGREGATE_OPERATORS = ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'in_last_days', 'more_than_days_ago'] as const;
export const AggregateOperator = z.enum(AGGREGATE_OPERATORS);
export type AggregateOperator = z.infer<typeof AggregateOperator>;

/**
 * "≥ 3 orders in the last 90 days", "total spend > 500", "last order more
 * than 60 days ago". count / total / average compare numbers; first_order /
 * last_order compare dates (`in_last_days`, `more_than_days_ago`, or an ISO
 * date with gt/lt). A customer with no orders in the window has count 0,
 * total 0, and no average or dates (which match no comparison).
 */
export const OrdersCondition = z.object({
  kind: z.literal('orders'),
  measure: OrderMeasure,
  op: AggregateOperator,
  value: z.string().max(100),
  windowDays: WindowDays.default(null),
  /** Only orders in this category (case-insensitive), when set. */
  category: z.string().max(200).nullable().default(null),
});
export type OrdersCondition = z.infer<typeof OrdersCondition>;

/**
 * "did product_view in category shoes at least 2 times in the last 7 days";
 * "did not email_open in the last 60 days" is `did: false`, which means zero
 * matching events in the window (the count is then ignored).
 */
export const EventsCondition = z.object({
  kind: z.literal('events'),
  did: z.boolean(),
  eventType: z.string().min(1, 'Pick an event type.').max(100),
  category: z.string().max(200).nullable().default(null),
  product: z.string().max(200).nullable().default(null),
  countOp: z.enum(['at_least', 'at_most', 'exactly']).default('at_least'),
  times: z.number().int().min(0).max(1_000_000).default(1),
  windowDays: WindowDays.default(null),
});
export type EventsCondition = z.infer<typeof EventsCondition>;

export const ScoreCondition = z.object({
  kind: z.literal('score'),
  score: z.enum(SCORE_NAMES as [ScoreName, ...ScoreName[]]),
  op: FieldOperator,
  value: z.string().max(500).default(''),
  values: z.array(z.string().max(500)).max(1000).default([]),
});
export type ScoreCondition = z.infer<typeof ScoreCondition>;

/** Membership of another segment; a rule that reaches itself through such conditions is refused (cycle). */
export const SegmentCondition = z.object({
  kind: z.literal('segment'),
  segmentId: z.number().int().positive(),
  member: z.boolean().default(true),
});
export type SegmentCondition = z.infer<typeof SegmentCondition>;

export const LeafCondition = z.discriminatedUnion('kind', [
  FieldCondition,
  OrdersCondition,
  EventsCondition,
  ScoreCondition,
  SegmentCondition,
]);
export type LeafCondition = z.infer<typeof LeafCondition>;

export interface RuleGroup {
  kind: 'group';
  combinator: 'and' | 'or';
  /** NOT: the group matches customers its children do not. */
  negate: boolean;
  children: RuleNode[];
}
export type RuleNode = RuleGroup | LeafCondition;

export const MAX_DEPTH = 6;
export const MAX_NODES = 200;

export const RuleGroup: z.ZodType<RuleGroup> = z.lazy(() =>
  z.object({
    kind: z.literal('group'),
    combinator: z.enum(['and', 'or']),
    negate: z.boolean().default(false),
    children: z.array(RuleNode).max(100, 'A group can have at most 100 conditions.'),
  }),
);
export const RuleNode: z.ZodType<RuleNode> = z.lazy(() => z.union([RuleGroup, LeafCondition]));

function depthAndSize(node: RuleNode): { depth: number; size: number } {
  if (node.kind !== 'group') return { depth: 0, size: 1 };
  let depth = 0;
  let size = 1;
  for (const child of node.children) {
    const inner = depthAndSize(child);
    depth = Math.max(depth, inner.depth);
    size += inner.size;
  }
  return { depth: depth + 1, size };
}

/** A rule tree as stored and sent: a root group, bounded in depth and size. */
export const RuleTree = RuleGroup.superRefine((root, ctx) => {
  const { depth, size } = depthAndSize(root);
  if (depth > MAX_DEPTH) ctx.addIssue({ code: 'custom', message: `Groups can nest at most ${MAX_DEPTH} deep.` });
  if (size > MAX_NODES) ctx.addIssue({ code: 'custom', message: `A segment can have at most ${MAX_NODES} conditions and groups.` });
});
export type RuleTree = RuleGroup;

export const emptyTree = (): RuleTree => ({ kind: 'group', combinator: 'and', negate: false, children: [] });

/** The flat rule of earlier versions as a tree: one AND group of field conditions. */
export function treeFromFlat(rule: SegmentRule): RuleTree {
  return {
    kind: 'group',
    combinator: 'and',
    negate: false,
    children: rule.conditions.map((condition: Condition) => ({ kind: 'field', ...condition, values: [] })),
  };
}

/** A stored rule of either shape as a tree; anything else fails with the schema's issues. */
export const StoredRule = z.union([
  RuleTree,
  z.object({ match: z.literal('all'), conditions: z.array(Condition) }).transform(treeFromFlat),
]);

/** Ids of the segments a tree refers to, for cycle checks and "used by" lists. */
export function referencedSegments(node: RuleNode, into: Set<number> = new Set()): Set<number> {
  if (node.kind === 'segment') into.add(node.segmentId);
  else if (node.kind === 'group') for (const child of node.children) referencedSegments(child, into);
  return into;
}

const FLAT_OPERATORS: ReadonlySet<string> = new Set(Operator.options);

/** The tree as a flat rule when it is one (a plain AND of field conditions with the flat operators), else null. */
export function flatRuleOf(tree: RuleTree): SegmentRule | null {
  if (tree.combinator !== 'and' || tree.negate) return null;
  const conditions: Condition[] = [];
  for (const child of tree.children) {
    if (child.kind !== 'field' || !FLAT_OPERATORS.has(child.op)) return null;
    conditions.push({ field: child.field, op: child.op as Operator, value: child.value });
  }
  return { match: 'all', conditions };
}
