import { describe, expect, it } from 'vitest';
import { ruleFilter } from '../../electron/workspace/segments-repo';
import type { LeafCondition, RuleTree } from '../../shared/segments/rule-tree';
import { blankCustomer, writeSegmentData } from '../support/segment-data';
import { useWorkspaceDb } from '../support/workspace-db';

/**
 * The query plans behind the live count's budget (BENCH=segments): the
 * narrowest activity condition drives (customers looked up by id from its
 * list, read from a covering index), and the others are index seeks on the
 * candidate's own rows. A plan that scans every customer, or walks the window
 * index per candidate, costs seconds at a million customers.
 */
const ws = useWorkspaceDb('tailor-seg-plan-');

const orders = (value: string): LeafCondition => ({ kind: 'orders', measure: 'count', op: 'gte', value, windowDays: 90, category: null });
const views = (times: number): LeafCondition => ({
  kind: 'events',
  did: true,
  eventType: 'product_view',
  category: 'shoes',
  product: null,
  countOp: 'at_least',
  times,
  windowDays: 7,
});
const country: LeafCondition = { kind: 'field', field: 'country', op: 'equals', value: 'FR', values: [] };
const and = (...children: LeafCondition[]): RuleTree => ({ kind: 'group', combinator: 'and', negate: false, children });

function plan(tree: RuleTree): string[] {
  writeSegmentData(ws.db, [blankCustomer('A', { text: { country: 'FR' } })], { country: 'country' });
  const { where, params } = ruleFilter(ws.db, tree, '2026-06-30');
  return (ws.db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM customers WHERE ${where}`).all(...params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

describe('segment query plans', () => {
  it('drives "≥ 2 orders in 90 days AND viewed shoes in 7 days AND country FR" from the week\'s shoe views', () => {
    const steps = plan(and(orders('2'), views(1), country));
    expect(steps).toContain('SEARCH customers USING INDEX sqlite_autoindex_customers_1 (id=?)');
    expect(steps.join('\n')).toMatch(
      /SEARCH events USING COVERING INDEX events_type_category \(type=\? AND category=\? AND occurred_at>\? AND occurred_at<\?\)/,
    );
    expect(steps.join('\n')).toMatch(
      /SEARCH orders USING COVERING INDEX orders_customer \(customer_id=\? AND ordered_at>\? AND ordered_at<\?\)/,
    );
    expect(steps.join('\n')).not.toMatch(/SCAN customers/);
  });

  it("checks a repeated-views driver per candidate on the customer's own events", () => {
    const steps = plan(and(views(2), orders('3'))).join('\n');
    expect(steps).toMatch(/SEARCH events USING COVERING INDEX events_type_category/);
    expect(steps).toMatch(/SEARCH events USING INDEX events_customer \(customer_id=\?/);
    expect(steps).not.toMatch(/SCAN customers|USE TEMP B-TREE FOR GROUP BY/);
  });
});
