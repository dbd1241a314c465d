import type { RfmSettings, TierRule } from './settings';

const rule = (name: string, recency: [number, number], frequency: [number, number], monetary: [number, number]): TierRule => ({
  name,
  recency,
  frequency,
  monetary,
});

/**
 * The segments the R rfm package documents (README and the rfm_segment
 * reference), in its order. The rules overlap, so the order decides: with
 * five bins, "Champions" takes 5-5-5 before "Potential Loyalist" can.
 */
export const PACKAGE_TIERS: readonly TierRule[] = [
  rule('Champions', [5, 5], [5, 5], [5, 5]),
  rule('Potential Loyalist', [3, 5], [3, 5], [2, 5]),
  rule('Loyal Customers', [2, 4], [2, 4], [2, 4]),
  rule('Promising', [3, 4], [1, 3], [3, 5]),
  rule('New Customers', [4, 5], [1, 3], [1, 5]),
  rule("Can't Lose Them", [1, 2], [3, 4], [4, 5]),
  rule('At Risk', [1, 2], [2, 5], [4, 5]),
  rule('Need Attention', [1, 3], [3, 5], [3, 5]),
  rule('About To Sleep', [2, 3], [1, 3], [1, 4]),
  rule('Lost', [1, 1], [1, 5], [1, 5]),
];

export const DEFAULT_RFM_SETTINGS: RfmSettings = {
  method: 'rfm',
  bins: { recency: 5, frequency: 5, monetary: 5 },
  tiers: PACKAGE_TIERS.map((tier) => ({ ...tier })),
  otherTier: 'Others',
};
