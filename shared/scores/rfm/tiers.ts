import type { TierRule } from './settings';

export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
}

const within = (score: number, [lo, hi]: readonly [number, number]): boolean => lo <= score && score <= hi;

/**
 * The tier of one customer: the first rule whose three inclusive ranges hold
 * its scores (the package's rfm_segment, where a labelled customer is never
 * relabelled), else `otherTier`. The SQL compiler (tier-sql.ts) must agree.
 */
export function tierOf(scores: RfmScores, rules: readonly TierRule[], otherTier: string): string {
  for (const rule of rules) {
    if (within(scores.recency, rule.recency) && within(scores.frequency, rule.frequency) && within(scores.monetary, rule.monetary))
      return rule.name;
  }
  return otherTier;
}
