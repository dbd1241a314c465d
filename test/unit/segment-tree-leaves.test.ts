import { describe, expect, it } from 'vitest';
import { ruleFilter } from '../../electron/workspace/segments-repo';
import type { LeafCondition, RuleNode, RuleTree } from '../../shared/segments/rule-tree';
import { blankCustomer, writeSegmentData } from '../support/segment-data';
import { useWorkspaceDb } from '../support/workspace-db';

const ws = useWorkspaceDb('tailor-seg-leaves-');
const AS_OF = '2026-06-15';

const and = (...children: RuleNode[]): RuleTree => ({ kind: 'group', combinator: 'and', negate: false, children });
const or = (...children: RuleNode[]): RuleTree => ({ kind: 'group', combinator: 'or', negate: false, children });
const not = (...children: RuleNode[]): RuleTree => ({ kind: 'group', combinator: 'and', negate: true, children });

function members(tree: RuleTree | LeafCondition, asOf = AS_OF): string[] {
  const root = tree.kind === 'group' ? tree : and(tree);
  const { where, params } = ruleFilter(ws.db, root, asOf);
  return ws.db
    .prepare(`SELECT id FROM customers WHERE ${where} ORDER BY id`)
    .pluck()
    .all(...params) as string[];
}

const orders = (
  measure: 'count' | 'total' | 'average' | 'first_order' | 'last_order',
  op: string,
  value: string,
  windowDays: number | null = null,
  category: string | null = null,
) => ({ kind: 'orders', measure, op, value, windowDays, category }) as LeafCondition;

describe('orders conditions', () => {
  const seed = () =>
    writeSegmentData(
      ws.db,
      [
        // A: 3 orders in the 90 days ending 2026-06-15 (the first on the window's first day), one before it.
        blankCustomer('A', {
          orders: [
            { orderedAt: '2026-03-18', total: 10, category: 'Shoes' },
            { orderedAt: '2026-04-01T10:00:00Z', total: 20, category: 'bags' },
            { orderedAt: '2026-06-15T23:59:00Z', total: 30, category: 'shoes' },
            { orderedAt: '2026-03-17', total: 100, category: 'shoes' },
          ],
        }),
        // B: one order inside the window, two after the as-of day.
        blankCustomer('B', {
          orders: [
            { orderedAt: '2026-05-01', total: 50, category: null },
            { orderedAt: '2026-06-16', total: 500, category: null },
            { orderedAt: '2026-07-01', total: 500, category: null },
          ],
        }),
        blankCustomer('C'),
      ],
      {},
    );

  it('counts orders in a window that ends with the as-of day, never later ones', () => {
    seed();
    expect(members(orders('count', 'gte', '3', 90))).toEqual(['A']);
    // 2026-03-17 is the 91st day back: outside "the last 90 days".
    expect(members(orders('count', 'gte', '4', 90))).toEqual([]);
    expect(members(orders('count', 'gte', '4', 91))).toEqual(['A']);
    // B's orders after 2026-06-15 do not count, at any window.
    expect(members(orders('count', 'equals', '1'))).toEqual(['B']);
    expect(members(orders('count', 'equals', '3'), '2026-07-01')).toEqual(['B']);
    // Fewer than 2 includes the customer without orders.
    expect(members(orders('count', 'lt', '2', 90))).toEqual(['B', 'C']);
    expect(members(orders('count', 'equals', '0'))).toEqual(['C']);
  });

  it('sums, averages and reads first and last order dates in scope', () => {
    seed();
    expect(members(orders('total', 'gt', '100'))).toEqual(['A']);
    expect(members(orders('total', 'lte', '50'))).toEqual(['B', 'C']);
    expect(members(orders('total', 'gte', '1000'), '2026-12-31')).toEqual(['B']);
    expect(members(orders('average', 'equals', '20', 90))).toEqual(['A']);
    expect(members(orders('average', 'lt', '1000'))).toEqual(['A', 'B']);
    expect(members(orders('last_order', 'in_last_days', '1'))).toEqual(['A']);
    expect(members(orders('last_order', 'more_than_days_ago', '30'))).toEqual(['B']);
    expect(members(orders('first_order', 'lt', '2026-03-18'))).toEqual(['A']);
    expect(members(orders('first_order', 'equals', '2026-05-01'))).toEqual(['B']);
  });

  it('filters by category without case', () => {
    seed();
    expect(members(orders('count', 'gte', '2', 90, 'SHOES'))).toEqual(['A']);
    expect(members(orders('count', 'gte', '3', null, 'shoes'))).toEqual(['A']);
    expect(members(orders('count', 'gte', '1', 30, 'shoes'))).toEqual(['A']);
  });

  it('refuses values that are not numbers or dates, naming the measure', () => {
    seed();
    expect(() => members(orders('count', 'gt', 'abc'))).toThrow(/Number of orders: "abc" is not a number/);
    expect(() => members(orders('last_order', 'gt', 'soon'))).toThrow(/Last order date is a date/);
    expect(() => members(orders('total', 'in_last_days', '3'))).toThrow(/Total spent is a number/);
  });
});

const events = (patch: Partial<Extract<LeafCondition, { kind: 'events' }>>): LeafCondition => ({
  kind: 'events',
  did: true,
  eventType: 'product_view',
  category: null,
  product: null,
  countOp: 'at_least',
  times: 1,
  windowDays: null,
  ...patch,
});

describe('events conditions', () => {
  const seed = () =>
    writeSegmentData(
      ws.db,
      [
        blankCustomer('A', {
          events: [
            { type: 'product_view', occurredAt: '2026-06-09T08:00:00Z', category: 'Shoes', product: 'Runner' },
            { type: 'product_view', occurredAt: '2026-06-15T22:00:00Z', category: 'shoes', product: 'Boot' },
            { type: 'product_view', occurredAt: '2026-06-16T01:00:00Z', category: 'shoes', product: 'Boot' },
            { type: 'email_open', occurredAt: '2026-03-01T08:00:00Z' },
          ],
        }),
        blankCustomer('B', {
          events: [
            { type: 'product_view', occurredAt: '2026-06-08T12:00:00Z', category: 'shoes' },
            { type: 'email_open', occurredAt: '2026-06-01T08:00:00Z' },
          ],
        }),
        blankCustomer('C'),
      ],
      {},
    );

  it('counts events of a type in a category within the last days, the as-of day included and later ones excluded', () => {
    seed();
    // The last 7 days at 2026-06-15 start on 2026-06-09: B's view on the 8th is outside.
    expect(members(events({ category: 'shoes', times: 2, windowDays: 7 }))).toEqual(['A']);
    expect(members(events({ category: 'shoes', windowDays: 8 }))).toEqual(['A', 'B']);
    expect(members(events({ category: 'shoes', times: 3 }))).toEqual([]);
    expect(members(events({ category: 'shoes', times: 3 }), '2026-06-16')).toEqual(['A']);
    expect(members(events({ product: 'boot', countOp: 'exactly', times: 1 }))).toEqual(['A']);
    expect(members(events({ countOp: 'at_most', times: 1 }))).toEqual(['B', 'C']);
    expect(members(events({ countOp: 'exactly', times: 0 }))).toEqual(['C']);
  });

  it('"did not" means no such event in the window', () => {
    seed();
    expect(members(events({ did: false, eventType: 'email_open', windowDays: 60 }))).toEqual(['A', 'C']);
    expect(members(events({ did: false, eventType: 'email_open' }))).toEqual(['C']);
    expect(members(events({ did: false, eventType: 'product_view', category: 'bags' }))).toEqual(['A', 'B', 'C']);
  });
});

describe('score conditions', () => {
  const seed = () =>
    writeSegmentData(
      ws.db,
      [
        blankCustomer('A', { scores: { rfm_tier: 'Champions', churn_probability: 0.1 } }),
        blankCustomer('B', { scores: { rfm_tier: 'At Risk', churn_probability: 0.8 } }),
        blankCustomer('C'),
      ],
      {},
    );
  const score = (name: string, op: string, value = '', values: string[] = []) =>
    ({ kind: 'score', score: name, op, value, values }) as LeafCondition;

  it('compares numbers numerically and labels without case; a missing score is empty', () => {
    seed();
    expect(members(score('churn_probability', 'gt', '0.5'))).toEqual(['B']);
    expect(members(score('churn_probability', 'lte', '0.5'))).toEqual(['A']);
    expect(members(score('rfm_tier', 'equals', 'champions'))).toEqual(['A']);
    expect(members(score('rfm_tier', 'not_equals', 'champions'))).toEqual(['B', 'C']);
    expect(members(score('rfm_tier', 'in_list', '', ['at risk', 'Lost']))).toEqual(['B']);
    expect(members(score('rfm_tier', 'not_in_list', '', ['at risk']))).toEqual(['A', 'C']);
    expect(members(score('rfm_tier', 'is_empty'))).toEqual(['C']);
    expect(members(score('churn_probability', 'is_not_empty'))).toEqual(['A', 'B']);
    expect(members(score('rfm_tier', 'contains', 'risk'))).toEqual(['B']);
  });

  it('refuses "greater than abc" and ordering a label', () => {
    seed();
    expect(() => members(score('churn_probability', 'gt', 'abc'))).toThrow(/"churn_probability": "abc" is not a number/);
    expect(() => members(score('rfm_tier', 'gt', '3'))).toThrow(/is a label/);
  });
});

describe('field conditions', () => {
  const seed = () =>
    writeSegmentData(
      ws.db,
      [
        blankCustomer('A', {
          text: { country: 'FR', city: 'Paris', age: '34', signup: '2026-06-01', birthday: '1990-06-20' },
          typed: { country: 'FR', age: 34, signup: '2026-06-01', birthday: '1990-06-20' },
        }),
        blankCustomer('B', {
          text: { country: 'DE', city: 'Berlin', age: '51', signup: '2025-01-10', birthday: '--02-29' },
          typed: { country: 'DE', age: 51, signup: '2025-01-10', birthday: '--02-29' },
        }),
        blankCustomer('C', { text: { city: 'paris' } }),
      ],
      { country: 'country', age: 'number', signup: 'date', birthday: 'date' },
    );
  const field = (name: string, op: string, value = '', values: string[] = []) =>
    ({ kind: 'field', field: name, op, value, values }) as LeafCondition;

  it('keeps the flat operators, typed by field', () => {
    seed();
    expect(members(field('country', 'equals', 'fr'))).toEqual(['A']);
    expect(members(field('age', 'gt', '40'))).toEqual(['B']);
    expect(members(field('city', 'equals', 'PARIS'))).toEqual(['A', 'C']);
    expect(() => members(field('age', 'gt', 'abc'))).toThrow(/"age" is a number field: "abc" is not a number/);
  });

  it('matches typed lists; "not in list" keeps customers without a value', () => {
    seed();
    expect(members(field('country', 'in_list', '', ['fr', 'ES']))).toEqual(['A']);
    expect(members(field('country', 'not_in_list', '', ['FR']))).toEqual(['B', 'C']);
    expect(members(field('age', 'in_list', '', ['51', '20']))).toEqual(['B']);
    expect(members(field('city', 'in_list', '', ['paris']))).toEqual(['A', 'C']);
    expect(() => members(field('age', 'in_list', '', ['x']))).toThrow(/"x" is not a number/);
  });

  it('dates relative to the as-of day: in the last days, more than days ago, anniversaries (29 February on the 28th)', () => {
    seed();
    expect(members(field('signup', 'in_last_days', '15'))).toEqual(['A']);
    expect(members(field('signup', 'in_last_days', '14'))).toEqual([]);
    expect(members(field('signup', 'more_than_days_ago', '14'))).toEqual(['B']);
    expect(members(field('birthday', 'anniversary_in_next_days', '5'))).toEqual(['A']);
    expect(members(field('birthday', 'anniversary_in_next_days', '4'))).toEqual([]);
    expect(members(field('birthday', 'anniversary_in_next_days', '1'), '2027-02-27')).toEqual(['B']);
    expect(() => members(field('age', 'in_last_days', '3'))).toThrow(/not a date field/);
    expect(() => members(field('signup', 'in_last_days', 'soon'))).toThrow(/not a number of days/);
  });
});

describe('groups', () => {
  it('AND, OR, NOT and empty groups (no condition: everyone)', () => {
    writeSegmentData(
      ws.db,
      [
        blankCustomer('A', { text: { city: 'Paris' }, orders: [{ orderedAt: '2026-06-01', total: 10, category: null }] }),
        blankCustomer('B', { text: { city: 'Berlin' } }),
        blankCustomer('C', { text: { city: 'Paris' } }),
      ],
      {},
    );
    const paris: LeafCondition = { kind: 'field', field: 'city', op: 'equals', value: 'paris', values: [] };
    const buyer = orders('count', 'gte', '1');
    expect(members(and(paris, buyer))).toEqual(['A']);
    expect(members(or(paris, buyer))).toEqual(['A', 'C']);
    expect(members(not(paris, buyer))).toEqual(['B', 'C']);
    expect(members(and(paris, not(buyer)))).toEqual(['C']);
    expect(members(and())).toEqual(['A', 'B', 'C']);
    expect(members(or(paris, and(), not()))).toEqual(['A', 'C']);
    expect(members(not(and(or())))).toEqual(['A', 'B', 'C']);
    // A negated condition on a field the customer does not have is true, not unknown.
    expect(members(not({ kind: 'field', field: 'city', op: 'gt', value: 'M', values: [] }))).toEqual(['B']);
  });
});
