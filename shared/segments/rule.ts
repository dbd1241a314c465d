import { z } from 'zod';

/**
 * A rule segment is stored as data, never as SQL: this AST is what the
 * workspace keeps, the UI edits and `compileRule` turns into a parameterised
 * WHERE clause. `match` is a field of its own so OR groups and nesting can be
 * added later without migrating stored rules.
 */
export const OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_empty',
  'is_not_empty',
] as const;
export const Operator = z.enum(OPERATORS);
export type Operator = z.infer<typeof Operator>;

export const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'is',
  not_equals: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
};

/** Operators that ignore the value box. */
export const UNARY_OPERATORS: ReadonlySet<Operator> = new Set(['is_empty', 'is_not_empty']);

export const Condition = z.object({
  field: z.string().min(1, 'Pick a field for every condition.'),
  op: Operator,
  value: z.string().max(500).default(''),
});
export type Condition = z.infer<typeof Condition>;

export const SegmentRule = z.object({
  match: z.literal('all'),
  conditions: z.array(Condition).max(50, 'A segment can have at most 50 conditions.'),
});
export type SegmentRule = z.infer<typeof SegmentRule>;

export const emptyRule = (): SegmentRule => ({ match: 'all', conditions: [] });
