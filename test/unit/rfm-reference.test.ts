import { describe, expect, it } from 'vitest';
import { cutPoints, quantileType7, valueCountsOf } from '../../shared/scores/rfm/bins';
import { DEFAULT_RFM_SETTINGS, PACKAGE_TIERS } from '../../shared/scores/rfm/default-tiers';
import { rfmTable, type RfmRow } from '../../shared/scores/rfm/rfm-table';
import { averageOrderValue } from '../../shared/scores/rfm/summary';
import { packageOrders, packageReference, rulesOf } from '../support/rfm-reference';

const ref = packageReference();
const AS_OF = '2006-12-31';

function summarise(rows: RfmRow[]) {
  const out = new Map<string, { customers: number; orders: number; revenue: number }>();
  for (const row of rows) {
    const entry = out.get(row.tier) ?? { customers: 0, orders: 0, revenue: 0 };
    entry.customers += 1;
    entry.orders += row.orders;
    entry.revenue += row.revenue;
    out.set(row.tier, entry);
  }
  return out;
}

const countsOf = (rows: RfmRow[], key: 'recency' | 'frequency') => [1, 2, 3, 4, 5].map((s) => rows.filter((row) => row[key] === s).length);

describe('RFM as the R rfm package computes it (its sample data and published figures)', () => {
  it("reproduces bins(): type-7 quantiles plus one (the package's mtcars check)", () => {
    const mpg = [
      21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2,
      13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4,
    ];
    const expected = ref.bins_unit_test_mtcars_mpg["bins(mtcars,'mpg',5)"]!;
    cutPoints(valueCountsOf(mpg), 5, 'rfm').forEach((cut, i) => expect(cut).toBeCloseTo(expected[i]!, 10));
    expect(quantileType7(valueCountsOf([1, 2, 3, 4]), 0.5)).toBe(2.5);
    expect(quantileType7(valueCountsOf([7, 7, 7]), 0.3)).toBe(7);
  });

  it('gives every published row of rfm_table_order at 2006-12-31, and its thresholds', () => {
    const { rows, cuts } = rfmTable(packageOrders(), AS_OF, DEFAULT_RFM_SETTINGS);
    const table = ref.rfm_table_order_default;
    expect(rows).toHaveLength(table.n_customers);
    expect(rows.reduce((sum, row) => sum + row.orders, 0)).toBe(table.sum_transaction_count);
    for (const [i, published] of table.first_10_rows_sorted_by_customer_id.entries()) {
      const row = rows.find((candidate) => candidate.customerId === published.customer_id);
      expect(row, published.customer_id).toMatchObject({
        recencyDays: published.recency_days,
        orders: published.transaction_count,
        revenue: published.amount,
        recency: published.recency_score,
        frequency: published.frequency_score,
        monetary: published.monetary_score,
        tier: table.first_10_segments_with_docs_rules[i],
      });
      expect(100 * row!.recency + 10 * row!.frequency + row!.monetary).toBe(published.rfm_score);
    }
    expect(cuts.recency.map((cut) => Math.round(cut * 10) / 10)).toEqual([115, 181, 297.4, 482]);
    expect(cuts.frequency).toEqual([4, 5, 6, 8]);
    expect(cuts.monetary.map((cut) => Math.round(cut * 10) / 10)).toEqual([255.8, 382, 506.4, 666]);
    // Ties are never split: some frequency bins are bigger than others.
    expect(countsOf(rows, 'frequency')).toEqual([268, 187, 176, 244, 120]);
    expect(countsOf(rows, 'recency')).toEqual([197, 200, 199, 199, 200]);
  });

  it('gives the heatmap the package tests: mean monetary per frequency × recency cell, summed, 12634', () => {
    const { rows } = rfmTable(packageOrders(), AS_OF, DEFAULT_RFM_SETTINGS);
    let sum = 0;
    for (let f = 1; f <= 5; f++)
      for (let r = 1; r <= 5; r++) {
        const cell = rows.filter((row) => row.frequency === f && row.recency === r);
        if (cell.length) sum += cell.reduce((total, row) => total + row.revenue, 0) / cell.length;
      }
    expect(Math.round(sum)).toBe(ref.rfm_table_order_default.rfm_heatmap_data_sum_of_cell_mean_monetary_rounded);
  });

  it('gives the documented segment summary with the documented rules, which are the default tier table', () => {
    expect(rulesOf(ref.segment_rules_docs.rules)).toEqual(PACKAGE_TIERS);
    const summary = summarise(rfmTable(packageOrders(), AS_OF, DEFAULT_RFM_SETTINGS).rows);
    expect(summary.has('Others')).toBe(false);
    for (const published of ref.segment_rules_docs.rfm_segment_summary) {
      const got = summary.get(published.segment);
      expect(got, published.segment).toEqual({ customers: published.customers, orders: published.orders, revenue: published.revenue });
      expect(averageOrderValue(got!.revenue, got!.orders)).toBe(published.aov_round2_recomputed);
    }
  });

  it('gives the testthat rule set its Champions, and labels nobody with rules that earlier ones shadow', () => {
    const settings = { ...DEFAULT_RFM_SETTINGS, tiers: rulesOf(ref.segment_rules_testthat.rules) };
    const summary = summarise(rfmTable(packageOrders(), AS_OF, settings).rows);
    expect(summary.get('Champions')).toEqual(ref.segment_rules_testthat.expected.Champions);
    for (const never of ['New Customers', 'Promising', "Can't Lose Them"]) expect(summary.has(never), never).toBe(false);
    expect(summary.get('Others')?.customers).toBe(48);
  });
});
