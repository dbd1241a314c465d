import { z } from 'zod';
import { BinMethod, RfmSettings } from './settings';

const Count = z.number().int().min(0);

/** One tier's row of the tier table (the package's rfm_segment_summary, plus tiers nobody fell into). */
export const RfmTierRow = z.object({
  tier: z.string(),
  customers: Count,
  orders: Count,
  revenue: z.number(),
  /** revenue / orders rounded to cents, as the package does; null for an empty tier. */
  averageOrderValue: z.number().nullable(),
});
export type RfmTierRow = z.infer<typeof RfmTierRow>;

/** One cell of the heatmap: customers with this frequency and recency score, and their mean revenue. */
export const RfmHeatCell = z.object({
  frequency: z.number().int(),
  recency: z.number().int(),
  customers: Count,
  meanMonetary: z.number(),
});
export type RfmHeatCell = z.infer<typeof RfmHeatCell>;

const ScoreCounts = z.array(z.object({ score: z.number().int(), customers: Count }));

/** What a run stores in score_runs.summary for the RFM view, the CLI and the bench. */
export const RfmSummary = z.object({
  asOf: z.string(),
  method: BinMethod,
  bins: RfmSettings.shape.bins,
  /** Customers with at least one order up to the as-of date: the scored ones. */
  customers: Count,
  /** Customers with no order up to the as-of date: they get no RFM score and no tier. */
  customersWithoutOrders: Count,
  orders: Count,
  revenue: z.number(),
  /** The bins' bounds per measure: a value v is in bin i when cut[i − 1] <= v < cut[i]. */
  cuts: z.object({ recency: z.array(z.number()), frequency: z.array(z.number()), monetary: z.array(z.number()) }),
  /** In the rule table's order, then the other tier. */
  tiers: z.array(RfmTierRow),
  /** Only the cells that hold customers. */
  heatmap: z.array(RfmHeatCell),
  counts: z.object({ recency: ScoreCounts, frequency: ScoreCounts, monetary: ScoreCounts }),
});
export type RfmSummary = z.infer<typeof RfmSummary>;

/** The latest RFM run of a workspace as the contract gives it. */
export const RfmRun = z.object({
  asOf: z.string(),
  computedAt: z.string(),
  modelVersion: z.string(),
  settings: RfmSettings,
  summary: RfmSummary,
});
export type RfmRun = z.infer<typeof RfmRun>;

/** The package's aov: round(revenue / orders, 2). */
export const averageOrderValue = (revenue: number, orders: number): number | null =>
  orders === 0 ? null : Math.round((revenue / orders) * 100) / 100;
