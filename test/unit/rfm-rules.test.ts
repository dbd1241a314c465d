import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binOf, scoreOfBin } from '../../shared/scores/rfm/bins';
import { DEFAULT_RFM_SETTINGS, PACKAGE_TIERS } from '../../shared/scores/rfm/default-tiers';
import { rfmTable } from '../../shared/scores/rfm/rfm-table';
import { scoreCaseSql, tierCaseSql } from '../../shared/scores/rfm/rfm-sql';
import type { TierRule } from '../../shared/scores/rfm/settings';
import { tierOf } from '../../shared/scores/rfm/tiers';

const range = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
const rule = fc.record({ name: fc.string({ minLength: 1, maxLength: 12 }), recency: range, frequency: range, monetary: range });
const score = fc.integer({ min: 1, max: 5 });

describe('RFM tier rules', () => {
  it('take the first matching rule, in table order, and the other tier when none matches', () => {
    const rules: TierRule[] = [
      { name: 'Best', recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
      { name: 'Recent', recency: [4, 5], frequency: [1, 5], monetary: [1, 5] },
    ];
    expect(tierOf({ recency: 5, frequency: 5, monetary: 5 }, rules, 'Others')).toBe('Best');
    expect(tierOf({ recency: 5, frequency: 5, monetary: 5 }, [...rules].reverse(), 'Others')).toBe('Recent');
    expect(tierOf({ recency: 3, frequency: 5, monetary: 5 }, rules, 'Rest')).toBe('Rest');
    expect(tierOf({ recency: 1, frequency: 1, monetary: 1 }, PACKAGE_TIERS, 'Others')).toBe('Lost');
  });

  it('compile to one SQL CASE that agrees with the evaluator on any table and any scores', () => {
    const db = new Database(':memory:');
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 8 }),
        fc.array(fc.tuple(score, score, score), { minLength: 1, maxLength: 20 }),
        (rules, rows) => {
          const tier = tierCaseSql({ recency: 'r', frequency: 'f', monetary: 'm' }, rules, 'Others');
          const select = db.prepare(`SELECT ${tier.sql} FROM (SELECT ? AS r, ? AS f, ? AS m)`).pluck();
          for (const [r, f, m] of rows)
            expect(select.get(...tier.params, r, f, m)).toBe(tierOf({ recency: r, frequency: f, monetary: m }, rules, 'Others'));
        },
      ),
      { numRuns: 200 },
    );
    db.close();
  });

  it('score values in SQL exactly as the bins do, recency counting down, a value on a cut point in the upper bin', () => {
    const db = new Database(':memory:');
    const amount = fc.double({ min: 0, max: 1000, noNaN: true });
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 6 }), amount, fc.nat(), fc.boolean(), (raw, other, pick, onCut) => {
        const cuts = [...raw].sort((a, b) => a - b);
        const value = onCut ? cuts[pick % cuts.length]! : other;
        for (const measure of ['recency', 'monetary'] as const) {
          const fragment = scoreCaseSql('x', cuts, measure);
          const got = db
            .prepare(`SELECT ${fragment.sql} FROM (SELECT ? AS x)`)
            .pluck()
            .get(...fragment.params, value);
          expect(got).toBe(scoreOfBin(binOf(value, cuts), cuts.length + 1, measure));
        }
      }),
      { numRuns: 300 },
    );
    expect(binOf(4, [4, 5])).toBe(2);
    db.close();
  });
});

describe('RFM as of a date', () => {
  const orders = [
    { customerId: 'a', orderedAt: '2026-01-10T09:00:00Z', amount: 10 },
    { customerId: 'a', orderedAt: '2026-03-01T23:59:00Z', amount: 30 },
    { customerId: 'a', orderedAt: '2026-03-02T00:00:00Z', amount: 1000 },
    { customerId: 'b', orderedAt: '2026-02-01', amount: 5 },
    { customerId: 'c', orderedAt: '2026-04-01T08:00:00Z', amount: 70 },
  ];

  it('counts only orders up to the end of the as-of day, and measures recency from it', () => {
    const { rows } = rfmTable(orders, '2026-03-01', DEFAULT_RFM_SETTINGS);
    expect(rows.map((row) => [row.customerId, row.recencyDays, row.orders, row.revenue])).toEqual([
      ['a', 0, 2, 40],
      ['b', 28, 1, 5],
    ]);
    const later = rfmTable(orders, '2026-04-30', DEFAULT_RFM_SETTINGS).rows;
    expect(later.find((row) => row.customerId === 'a')).toMatchObject({ recencyDays: 59, orders: 3, revenue: 1040 });
    expect(later.find((row) => row.customerId === 'c')).toMatchObject({ recencyDays: 29, orders: 1 });
  });

  it('scores nobody before the first order', () => {
    expect(rfmTable(orders, '2025-12-31', DEFAULT_RFM_SETTINGS).rows).toEqual([]);
  });
});
