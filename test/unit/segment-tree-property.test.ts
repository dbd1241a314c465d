import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFilter, saveSegment } from '../../electron/workspace/segments-repo';
import type { FieldType } from '../../shared/fields/types/field-type';
import type { ScoreName } from '../../shared/scores/score-names';
import { evaluateTree, type EvalCustomer, type EvalSegment } from '../../shared/segments/evaluate-tree';
import type { LeafCondition, RuleNode, RuleTree } from '../../shared/segments/rule-tree';
import { addDays } from '../../shared/segments/compile/dates';
import { writeSegmentData } from '../support/segment-data';
import { useWorkspaceDb } from '../support/workspace-db';

/**
 * The compiler against the independent evaluator: random workspaces
 * (customers with text and typed fields, orders, events, scores) written to a
 * real SQLite file, random rule trees up to depth 3 over every leaf kind
 * (including membership of a dynamic and a static segment): the SQL's member
 * set must equal the evaluator's, at fixed as-of dates.
 */
const ws = useWorkspaceDb('tailor-seg-prop-');
const TYPES: Record<string, FieldType> = { country: 'country', age: 'number', signup: 'date' };
const BASE = '2026-06-15';

const day = fc.integer({ min: -130, max: 15 }).map((offset) => addDays(BASE, offset));
const stamp = fc.tuple(day, fc.constantFrom('', 'T00:00:00Z', 'T23:59:59Z', 'T12:30:00Z')).map(([d, t]) => d + t);

const customer = (id: string): fc.Arbitrary<EvalCustomer> =>
  fc
    .record({
      city: fc.constantFrom('Paris', 'paris', 'Berlin', 'Lyon', ''),
      tier: fc.constantFrom('gold', 'Gold', 'silver', ''),
      country: fc.option(fc.constantFrom('FR', 'DE', 'ES'), { nil: undefined }),
      age: fc.option(fc.integer({ min: 18, max: 70 }), { nil: undefined }),
      signup: fc.option(
        fc.integer({ min: -400, max: 10 }).map((offset) => addDays(BASE, offset)),
        { nil: undefined },
      ),
      orders: fc.array(
        fc.record({ orderedAt: stamp, total: fc.integer({ min: 1, max: 200 }), category: fc.constantFrom('shoes', 'Shoes', 'bags', null) }),
        { maxLength: 5 },
      ),
      events: fc.array(
        fc.record({
          type: fc.constantFrom('product_view', 'cart_add', 'email_open'),
          occurredAt: stamp,
          category: fc.constantFrom('shoes', 'SHOES', 'bags', undefined),
          product: fc.constantFrom('p1', 'P2', undefined),
        }),
        { maxLength: 6 },
      ),
      tierScore: fc.option(fc.constantFrom('Champions', 'At Risk', 'Lost'), { nil: undefined }),
      churn: fc.option(fc.constantFrom(0.1, 0.5, 0.9), { nil: undefined }),
    })
    .map((r) => {
      const text: Record<string, string> = { city: r.city, tier: r.tier };
      const typed: Record<string, string | number> = {};
      for (const [key, value] of [
        ['country', r.country],
        ['age', r.age],
        ['signup', r.signup],
      ] as const) {
        if (value === undefined) continue;
        text[key] = String(value);
        typed[key] = value;
      }
      const scores: Partial<Record<ScoreName, number | string>> = {};
      if (r.tierScore !== undefined) scores.rfm_tier = r.tierScore;
      if (r.churn !== undefined) scores.churn_probability = r.churn;
      return { id, text, typed, orders: r.orders, events: r.events, scores };
    });

const customers = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => customer(`C${i}`))));

const FIELD_OPS = [
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
const COMPARISONS = ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte'] as const;
const windowDays = fc.constantFrom(null, 1, 7, 30, 90);

const fieldLeaf: fc.Arbitrary<LeafCondition> = fc
  .oneof(
    fc.record({
      field: fc.constantFrom('city', 'tier'),
      op: fc.constantFrom(...FIELD_OPS),
      value: fc.constantFrom('paris', 'Gold', 'l', 'M'),
    }),
    fc.record({ field: fc.constant('age'), op: fc.constantFrom(...COMPARISONS, 'is_empty'), value: fc.constantFrom('30', '45', '18') }),
    fc.record({
      field: fc.constant('country'),
      op: fc.constantFrom('equals', 'not_equals', 'is_not_empty'),
      value: fc.constantFrom('fr', 'DE'),
    }),
    fc
      .record({
        field: fc.constant('signup'),
        op: fc.constantFrom('gt', 'lte', 'in_last_days', 'more_than_days_ago', 'anniversary_in_next_days'),
        value: fc.constantFrom('30', '90', '200'),
      })
      .map((leaf) => (leaf.op === 'gt' || leaf.op === 'lte' ? { ...leaf, value: addDays(BASE, -Number(leaf.value)) } : leaf)),
    fc
      .record({ field: fc.constantFrom('country', 'age', 'city'), op: fc.constantFrom('in_list', 'not_in_list'), value: fc.constant('') })
      .chain((leaf) =>
        fc
          .record({
            values: fc.subarray(leaf.field === 'age' ? ['30', '45', '60'] : leaf.field === 'city' ? ['paris', 'Lyon'] : ['fr', 'ES'], {
              minLength: 1,
            }),
          })
          .map(({ values }) => ({ ...leaf, values })),
      ),
  )
  .map((leaf) => ({ kind: 'field', values: [], ...leaf }));

const ordersLeaf: fc.Arbitrary<LeafCondition> = fc
  .oneof(
    fc.record({
      measure: fc.constantFrom('count', 'total', 'average'),
      op: fc.constantFrom(...COMPARISONS),
      value: fc.constantFrom('0', '1', '2', '3', '100', '150'),
    }),
    fc.record({
      measure: fc.constantFrom('first_order', 'last_order'),
      op: fc.constantFrom('in_last_days', 'more_than_days_ago'),
      value: fc.constantFrom('1', '7', '30', '60'),
    }),
    fc.record({ measure: fc.constantFrom('first_order', 'last_order'), op: fc.constantFrom(...COMPARISONS), value: day }),
  )
  .chain((leaf) =>
    fc.record({ windowDays, category: fc.constantFrom(null, 'shoes', 'BAGS') }).map((rest) => ({ kind: 'orders', ...leaf, ...rest })),
  );

const eventsLeaf: fc.Arbitrary<LeafCondition> = fc
  .record({
    did: fc.boolean(),
    eventType: fc.constantFrom('product_view', 'cart_add', 'email_open'),
    category: fc.constantFrom(null, 'shoes', 'Bags'),
    product: fc.constantFrom(null, 'p1', 'p2'),
    countOp: fc.constantFrom('at_least', 'at_most', 'exactly'),
    times: fc.integer({ min: 0, max: 3 }),
    windowDays,
  })
  .map((leaf) => ({ kind: 'events', ...leaf }));

const scoreLeaf: fc.Arbitrary<LeafCondition> = fc
  .oneof(
    fc.record({
      score: fc.constant('rfm_tier'),
      op: fc.constantFrom(
        'equals',
        'not_equals',
        'is_empty',
        'is_not_empty',
        'contains',
        'not_contains',
        'starts_with',
        'in_list',
        'not_in_list',
      ),
      value: fc.constantFrom('champions', 'at', 'Lost'),
      values: fc.constant<string[]>(['lost', 'At Risk']),
    }),
    fc.record({
      score: fc.constant('churn_probability'),
      op: fc.constantFrom(...COMPARISONS, 'is_empty', 'in_list', 'not_in_list'),
      value: fc.constantFrom('0.5', '0.1', '1'),
      values: fc.constant<string[]>(['0.9', '0.1']),
    }),
  )
  .map((leaf): LeafCondition => ({ kind: 'score', ...leaf }));

const baseLeaf = fc.oneof(fieldLeaf, ordersLeaf, eventsLeaf, scoreLeaf);

function treeOf(leaf: fc.Arbitrary<LeafCondition>): fc.Arbitrary<RuleTree> {
  const { group } = fc.letrec<{ group: RuleTree; node: RuleNode }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leaf, tie('group')),
    group: fc.record({
      kind: fc.constant('group' as const),
      combinator: fc.constantFrom('and' as const, 'or' as const),
      negate: fc.boolean(),
      children: fc.array(tie('node'), { maxLength: 3 }),
    }),
  }));
  return group;
}

const segmentLeaf: fc.Arbitrary<LeafCondition> = fc
  .record({ segmentId: fc.constantFrom(1, 2), member: fc.boolean() })
  .map((leaf) => ({ kind: 'segment', ...leaf }));

describe('the SQL compiler agrees with the in-memory evaluator', () => {
  it('on random workspaces and random trees (every leaf kind, depth ≤ 3, segments dynamic and static)', () => {
    fc.assert(
      fc.property(
        customers,
        treeOf(baseLeaf),
        treeOf(baseLeaf),
        treeOf(fc.oneof(baseLeaf, segmentLeaf)),
        fc.constantFrom(BASE, '2026-04-01'),
        fc.constantFrom(null, '2026-05-20'),
        (people, dynamicTree, staticTree, tree, asOf, dynamicAsOf) => {
          const db = ws.db;
          db.exec(
            'DELETE FROM segment_snapshots; DELETE FROM segments; DELETE FROM customer_scores; DELETE FROM orders; DELETE FROM events; DELETE FROM customers; DELETE FROM customer_fields;',
          );
          writeSegmentData(db, people, TYPES, ['tier']);
          // segments has a plain INTEGER PRIMARY KEY: emptied, it numbers these 1 and 2 again.
          const dynamic = saveSegment(db, { name: 'Dynamic', rule: dynamicTree, kind: 'dynamic', asOf: dynamicAsOf });
          const staticSegment = saveSegment(db, { name: 'Static', rule: staticTree, kind: 'static', asOf: null });
          expect([dynamic.id, staticSegment.id]).toEqual([1, 2]);

          const today = new Date().toISOString().slice(0, 10);
          const snapshot = new Set(db.prepare('SELECT customer_id FROM segment_snapshots WHERE segment_id = 2').pluck().all() as string[]);
          const segments = new Map<number, EvalSegment>([
            [1, { name: 'Dynamic', tree: dynamicTree, kind: 'dynamic', asOf: dynamicAsOf }],
            [2, { name: 'Static', tree: staticTree, kind: 'static', asOf: null, members: snapshot }],
          ]);
          // The static snapshot was taken today (no as-of): the evaluator must agree on it too.
          expect([...snapshot].sort()).toEqual(evaluateTree(people, staticTree, { types: TYPES, asOf: today, segments }).sort());

          const { where, params } = ruleFilter(db, tree, asOf);
          const sql = db
            .prepare(`SELECT id FROM customers WHERE ${where}`)
            .pluck()
            .all(...params) as string[];
          const expected = evaluateTree(people, tree, { types: TYPES, asOf, segments });
          expect(sql.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 150, seed: Number(process.env.SEG_PROPERTY_SEED ?? 20260615) },
    );
  });
});
