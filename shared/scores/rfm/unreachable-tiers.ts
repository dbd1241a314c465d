import type { RfmSettings, TierRule } from './settings';

const MEASURES = ['recency', 'frequency', 'monetary'] as const;

export interface UnreachableTier {
  name: string;
  message: string;
}

/**
 * Tier rules no customer can match because a range starts above the number
 * of bins of its measure (scores run from 1 to the bins): the default table
 * is written for five bins, so with three its "Champions" (5, 5, 5) would
 * silently hold no one. Pure, so the studio and the CLI say the same.
 */
export function unreachableTiers(settings: { bins: RfmSettings['bins']; tiers: readonly TierRule[] }): UnreachableTier[] {
  return settings.tiers.flatMap((tier) => {
    const measure = MEASURES.find((key) => tier[key][0] > settings.bins[key]);
    if (!measure) return [];
    return [
      {
        name: tier.name,
        message: `“${tier.name}” can hold no one: it needs a ${measure} score of ${tier[measure][0]} or more, and ${measure} has ${settings.bins[measure]} bins.`,
      },
    ];
  });
}
