import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { RfmOrder } from '../../shared/scores/rfm/rfm-table';
import type { TierRule } from '../../shared/scores/rfm/settings';

const DIR = path.resolve('test/fixtures/rfm-r-package');

/** The R rfm package's sample orders (test/fixtures/rfm-r-package/SOURCE.md). */
export function packageOrders(): RfmOrder[] {
  const parsed = Papa.parse<{ customer_id: string; order_date: string; revenue: string }>(
    fs.readFileSync(path.join(DIR, 'rfm_data_orders.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  );
  return parsed.data.map((row) => ({ customerId: row.customer_id, orderedAt: row.order_date, amount: Number(row.revenue) }));
}

type JsonRule = [string, [number, number], [number, number], [number, number]];

export interface PackageReference {
  rfm_table_order_default: {
    n_customers: number;
    sum_transaction_count: number;
    first_10_rows_sorted_by_customer_id: {
      customer_id: string;
      recency_days: number;
      transaction_count: number;
      amount: number;
      recency_score: number;
      frequency_score: number;
      monetary_score: number;
      rfm_score: number;
    }[];
    first_10_segments_with_docs_rules: string[];
    rfm_heatmap_data_sum_of_cell_mean_monetary_rounded: number;
  };
  segment_rules_docs: {
    rules: JsonRule[];
    rfm_segment_summary: { segment: string; customers: number; orders: number; revenue: number; aov_round2_recomputed: number }[];
  };
  segment_rules_testthat: { rules: JsonRule[]; expected: Record<string, { customers: number; orders: number; revenue: number }> };
  bins_unit_test_mtcars_mpg: Record<string, number[]>;
}

/** The package's published figures, transcribed in reference_outputs.json. */
export const packageReference = (): PackageReference =>
  JSON.parse(fs.readFileSync(path.join(DIR, 'reference_outputs.json'), 'utf8')) as PackageReference;

export const rulesOf = (rules: JsonRule[]): TierRule[] =>
  rules.map(([name, recency, frequency, monetary]) => ({ name, recency, frequency, monetary }));
