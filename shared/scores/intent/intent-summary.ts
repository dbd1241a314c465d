import { z } from 'zod';
import { IntentSettings } from './intent-settings';

export const IntentHistogramBin = z.object({ from: z.number(), to: z.number(), count: z.number().int() });

/** What an intent run found, kept in `score_runs.summary` for the histogram and the threshold. */
export const IntentSummary = z.object({
  customers: z.number().int(),
  /** Customers with a score above 0 (at least one weighted event in the window). */
  withIntent: z.number().int(),
  /** Weighted events counted in the window. */
  events: z.number().int(),
  max: z.number(),
  /** Scores above 0 in equal bins from 0 to the maximum; customers at 0 are `customers - withIntent`. */
  bins: z.array(IntentHistogramBin),
  /** Event types in the window that carry no weight, with their counts: what the user may want to add. */
  unweighted: z.array(z.object({ type: z.string(), count: z.number().int() })),
});
export type IntentSummary = z.infer<typeof IntentSummary>;

export const IntentRun = z.object({
  settings: IntentSettings,
  summary: IntentSummary,
  computedAt: z.string(),
  /** The "High intent" segment the threshold made, when it still exists. */
  segment: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type IntentRun = z.infer<typeof IntentRun>;

export const IntentOutcome = z.object({
  status: z.enum(['succeeded', 'cancelled']),
  message: z.string(),
  customers: z.number().int(),
  withIntent: z.number().int(),
});
export type IntentOutcome = z.infer<typeof IntentOutcome>;

export const INTENT_MODEL_VERSION = 'intent-1';
export const HIGH_INTENT_SEGMENT = 'High intent';
