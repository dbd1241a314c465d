import { z } from 'zod';

/** Scores run from 1 to the number of bins; more than 9 bins would make the three-digit RFM score ambiguous. */
export const MAX_BINS = 9;
export const DEFAULT_BINS = 5;

const Bins = z.number().int().min(2, 'Use at least 2 bins.').max(MAX_BINS, `Use at most ${MAX_BINS} bins.`);
const ScoreRange = z
  .tuple([z.number().int().min(1).max(MAX_BINS), z.number().int().min(1).max(MAX_BINS)])
  .refine(([lo, hi]) => lo <= hi, 'A range starts at or below where it ends.');

/** One row of the tier table: a customer whose R, F and M scores all fall in these inclusive ranges gets `name`. */
export const TierRule = z.object({
  name: z.string().trim().min(1, 'A tier needs a name.').max(60, 'Keep tier names under 60 characters.'),
  recency: ScoreRange,
  frequency: ScoreRange,
  monetary: ScoreRange,
});
export type TierRule = z.infer<typeof TierRule>;

/**
 * How bins are cut. `rfm`: the R package's bins (type-7 quantiles plus one as
 * half-open bounds, see bins.ts). `quantile`: the same quantiles without the
 * shift, so a value equal to a quantile starts the next bin.
 */
export const BinMethod = z.enum(['rfm', 'quantile']);
export type BinMethod = z.infer<typeof BinMethod>;

export const RfmSettings = z.object({
  method: BinMethod.default('rfm'),
  bins: z
    .object({ recency: Bins.default(DEFAULT_BINS), frequency: Bins.default(DEFAULT_BINS), monetary: Bins.default(DEFAULT_BINS) })
    .default({ recency: DEFAULT_BINS, frequency: DEFAULT_BINS, monetary: DEFAULT_BINS }),
  /** Checked in order; the first rule a customer matches names the tier. */
  tiers: z.array(TierRule).max(50, 'Keep the tier table under 50 rules.'),
  /** The tier of a customer no rule matches. */
  otherTier: z.string().trim().min(1).max(60).default('Others'),
});
export type RfmSettings = z.infer<typeof RfmSettings>;
export type RfmBins = RfmSettings['bins'];

/** An analysis (as-of) date, ISO yyyy-mm-dd, that is a real calendar day. */
export const AsOfDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as yyyy-mm-dd.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: 'That date does not exist.',
  });
