import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT } from '../../shared/fields/types';
import type { LeafCondition } from '../../shared/segments/rule-tree';
import { validateLeaf, type LeafContext, type LeafField } from '../../shared/segments/validate-leaf';

const COMMA = { ...DEFAULT_CONTEXT, decimalSeparator: ',' as const, thousandsSeparator: '.' as const };
const fields = new Map<string, LeafField>([
  ['total_spent', { type: 'money', custom: true, locale: DEFAULT_CONTEXT }],
  ['order_count', { type: 'number', custom: true, locale: COMMA }],
  ['signup_date', { type: 'date', custom: true, locale: DEFAULT_CONTEXT }],
  ['vip', { type: 'boolean', custom: true, locale: DEFAULT_CONTEXT }],
  ['nickname', { type: 'text', custom: true }],
  ['country', { type: 'country', locale: DEFAULT_CONTEXT }],
  ['city', { type: 'text' }],
]);
const context: LeafContext = { fields, selfId: 7 };
const field = (name: string, op: string, value = '', values: string[] = []) =>
  validateLeaf({ kind: 'field', field: name, op, value, values } as LeafCondition, context);

describe('validateLeaf on profile fields', () => {
  it('refuses a value that does not read as the field type, naming field, value and type', () => {
    expect(field('total_spent', 'gt', 'abc')).toBe('"total_spent" is an amount field: "abc" is not an amount.');
    expect(field('order_count', 'gte', 'ten')).toBe('"order_count" is a number field: "ten" is not a number.');
    expect(field('signup_date', 'lt', 'soon')).toBe('"signup_date" is a date field: "soon" is not a date.');
  });

  it('accepts values as the engine reads them: plain numbers, the field locale, currency amounts, dates', () => {
    expect(field('total_spent', 'gt', '1234.5')).toBeNull();
    expect(field('total_spent', 'gt', '$50')).toBeNull();
    expect(field('order_count', 'gte', '1.234,5')).toBeNull();
    expect(field('signup_date', 'gte', '2026-05-01')).toBeNull();
    expect(field('vip', 'equals', 'yes')).toBeNull();
    expect(field('city', 'gt', 'anything')).toBeNull();
  });

  it('refuses ordering on unordered types and empty comparisons', () => {
    expect(field('vip', 'gt', '1')).toMatch(/cannot be greater or less/);
    expect(field('total_spent', 'gt', '')).toBe('Enter a value to compare with.');
    expect(field('city', 'equals', '')).toBeNull();
    expect(field('city', 'is_empty')).toBeNull();
  });

  it('checks lists item by item and day counts on dates (and untyped text) only', () => {
    expect(field('country', 'in_list', '', [])).toMatch(/at least one value/);
    expect(field('country', 'in_list', '', ['DE', 'Narnia'])).toMatch(/"Narnia" is not a country/);
    expect(field('country', 'in_list', '', ['DE', 'France'])).toBeNull();
    expect(field('signup_date', 'in_last_days', '30')).toBeNull();
    expect(field('signup_date', 'in_last_days', '3.5')).toMatch(/not a number of days/);
    expect(field('signup_date', 'anniversary_in_next_days', '400')).toMatch(/not a number of days/);
    expect(field('total_spent', 'in_last_days', '30')).toMatch(/not a date field/);
    expect(field('nickname', 'in_last_days', '30')).toBeNull();
  });

  it('names an unknown field', () => {
    expect(field('gone', 'equals', 'x')).toBe('There is no field "gone" in this workspace.');
  });
});

describe('validateLeaf on orders, events, scores and segments', () => {
  const orders = (measure: string, op: string, value: string) =>
    validateLeaf({ kind: 'orders', measure, op, value, windowDays: 90, category: null } as LeafCondition, context);

  it('orders: counts and amounts are numbers, dates ISO dates or days', () => {
    expect(orders('count', 'gte', '2')).toBeNull();
    expect(orders('count', 'gte', 'abc')).toMatch(/Number of orders: "abc" is not a number/);
    expect(orders('total', 'gt', '99.5')).toBeNull();
    expect(orders('average', 'gt', 'lots')).toMatch(/"lots" is not a number/);
    expect(orders('last_order', 'more_than_days_ago', '60')).toBeNull();
    expect(orders('count', 'in_last_days', '60')).not.toBeNull();
    expect(orders('first_order', 'lt', 'yesterday-ish')).toMatch(/is not a date/);
    expect(orders('first_order', 'lt', '2026-03-01')).toBeNull();
  });

  it('events need a type; scores compare numbers or labels; a segment cannot contain itself', () => {
    const event: LeafCondition = {
      kind: 'events',
      did: true,
      eventType: '',
      category: null,
      product: null,
      countOp: 'at_least',
      times: 1,
      windowDays: 7,
    };
    expect(validateLeaf(event, context)).toBe('Pick an event type.');
    expect(validateLeaf({ ...event, eventType: 'product_view' }, context)).toBeNull();
    expect(validateLeaf({ kind: 'score', score: 'churn_probability', op: 'gt', value: 'high', values: [] }, context)).toMatch(
      /"churn_probability".*"high" is not a number/,
    );
    expect(validateLeaf({ kind: 'score', score: 'rfm_tier', op: 'equals', value: 'Champions', values: [] }, context)).toBeNull();
    expect(validateLeaf({ kind: 'segment', segmentId: 7, member: true }, context)).toMatch(/itself/);
    expect(validateLeaf({ kind: 'segment', segmentId: 8, member: false }, context)).toBeNull();
    expect(validateLeaf({ kind: 'segment', segmentId: 8, member: true }, { ...context, segmentIds: new Set([7, 9]) })).toBe(
      'Pick a segment.',
    );
  });
});
