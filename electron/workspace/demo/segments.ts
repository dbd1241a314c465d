import type { Condition, SegmentRule } from '../../../shared/segments/rule';

export interface DemoSegment {
  readonly name: string;
  readonly persona: string;
  readonly rule: SegmentRule;
}

/**
 * Disjoint by construction: High-value vs the others on lifetime_value;
 * Lapsed needs an order before May 2026 while every order of a new subscriber
 * (signed up from August 2026) comes after their signup.
 */
export const DEMO_SEGMENTS: readonly DemoSegment[] = [
  {
    name: 'High-value customers',
    persona: 'High-value customer',
    rule: { match: 'all', conditions: [{ field: 'lifetime_value', op: 'gt', value: '1000' }] },
  },
  {
    name: 'Lapsed customers',
    persona: 'Lapsed customer',
    rule: {
      match: 'all',
      conditions: [
        { field: 'last_order_date', op: 'is_not_empty', value: '' },
        { field: 'last_order_date', op: 'lt', value: '2026-05-01' },
        { field: 'lifetime_value', op: 'lte', value: '1000' },
      ],
    },
  },
  {
    name: 'New subscribers',
    persona: 'New subscriber',
    rule: {
      match: 'all',
      conditions: [
        { field: 'signup_date', op: 'gte', value: '2026-08-01' },
        { field: 'order_count', op: 'lte', value: '1' },
      ],
    },
  },
];

/** A customer as segments see it: canonical columns and attributes under their keys. */
export type FlatRecord = Readonly<Record<string, string | null | undefined>>;

const isNumeric = (text: string): boolean => text.trim() !== '' && Number.isFinite(Number(text));

function compare(actual: string, expected: string): number {
  if (isNumeric(expected)) return Number(actual) - Number(expected);
  return actual < expected ? -1 : actual > expected ? 1 : 0;
}

/**
 * In-memory twin of the SQL the lead compiles rules to, used only to find each
 * demo segment's first member while generating. Missing values match nothing
 * but is_empty / not_* operators.
 */
function matches(record: FlatRecord, { field, op, value }: Condition): boolean {
  const raw = record[field];
  const actual = raw === null || raw === undefined ? '' : raw;
  const present = actual !== '';
  const a = actual.toLowerCase();
  const v = value.toLowerCase();
  switch (op) {
    case 'is_empty':
      return !present;
    case 'is_not_empty':
      return present;
    case 'equals':
      return present && a === v;
    case 'not_equals':
      return a !== v;
    case 'contains':
      return present && a.includes(v);
    case 'not_contains':
      return !a.includes(v);
    case 'starts_with':
      return present && a.startsWith(v);
    case 'gt':
      return present && compare(actual, value) > 0;
    case 'gte':
      return present && compare(actual, value) >= 0;
    case 'lt':
      return present && compare(actual, value) < 0;
    case 'lte':
      return present && compare(actual, value) <= 0;
  }
}

export const matchesRule = (record: FlatRecord, rule: SegmentRule): boolean =>
  rule.conditions.every((condition) => matches(record, condition));
