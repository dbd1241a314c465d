import { z } from 'zod';

/**
 * What a prediction run (BG/NBD churn or purchase propensity) reports: the
 * job's result, the contract's output for `predictions.latest`, and
 * `tailor score <ws> churn|propensity --json`. Kept whole in
 * `score_runs.summary`, next to the run's as-of date and model version.
 */

export const PREDICTION_MODELS = ['churn', 'propensity'] as const;
export const PredictionModel = z.enum(PREDICTION_MODELS);
export type PredictionModel = z.infer<typeof PredictionModel>;

export const MODEL_VERSIONS: Record<PredictionModel, string> = { churn: 'bgnbd-1', propensity: 'propensity-logit-1' };

export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as yyyy-mm-dd.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: 'Not a calendar date.',
  });

/** Today's calendar date in UTC: the as-of date when none is given. */
export const todayIsoDay = (now = Date.now()): string => new Date(now).toISOString().slice(0, 10);

export const PredictionSettings = z.object({
  model: PredictionModel,
  /** Scores describe customers as of this day (inclusive); default today. */
  asOf: IsoDay.optional(),
  /** Churn: expected purchases in the next `days` days. Propensity: the label window (bought within `days` days of the cutoff). */
  days: z.number().int().min(1).max(3650).default(90),
});
export type PredictionSettings = z.infer<typeof PredictionSettings>;

/** Customers per bin of a score between 0 and 1 (ten bins of 0.1). */
export const ScoreHistogram = z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() }));
export type ScoreHistogram = z.infer<typeof ScoreHistogram>;

export const ChurnSummary = z.object({
  model: z.literal('churn'),
  asOf: z.string(),
  days: z.number().int(),
  /** The time unit of t_x, T and α. */
  unit: z.literal('days'),
  params: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }),
  logLikelihood: z.number(),
  /** Customers with a purchase by the as-of date (the ones scored), and those with a repeat purchase day. */
  customers: z.number().int(),
  repeatCustomers: z.number().int(),
  /** Customers the parameters were fitted on: all of them, or a seeded sample of a very large base. */
  fittedCustomers: z.number().int(),
  meanChurn: z.number(),
  meanExpectedPurchases: z.number(),
  histogram: ScoreHistogram,
});
export type ChurnSummary = z.infer<typeof ChurnSummary>;

export const PropensitySummary = z.object({
  model: z.literal('propensity'),
  asOf: z.string(),
  /** Features are measured on the cutoff (asOf − days) and the label is a purchase in (cutoff, asOf]. */
  cutoff: z.string(),
  days: z.number().int(),
  auc: z.number(),
  calibration: z.array(z.object({ predicted: z.number(), observed: z.number(), count: z.number().int() })),
  trainSize: z.number().int(),
  holdoutSize: z.number().int(),
  baseRate: z.number(),
  weights: z.array(z.object({ feature: z.string(), weight: z.number() })),
  intercept: z.number(),
  /** Customers scored at the as-of date (everyone with a purchase or an event by then). */
  customers: z.number().int(),
  meanPropensity: z.number(),
  histogram: ScoreHistogram,
});
export type PropensitySummary = z.infer<typeof PropensitySummary>;

export const PredictionSummary = z.discriminatedUnion('model', [ChurnSummary, PropensitySummary]);
export type PredictionSummary = z.infer<typeof PredictionSummary>;

/** A job's result: a summary when it ran, or why it did not (cancelled; too little data, saying what it needs). */
export const PredictionOutcome = z.object({
  status: z.enum(['succeeded', 'cancelled', 'not_enough_data']),
  model: PredictionModel,
  message: z.string(),
  summary: PredictionSummary.nullable(),
});
export type PredictionOutcome = z.infer<typeof PredictionOutcome>;

/** The stored latest run of a model. */
export const PredictionRun = z.object({
  model: PredictionModel,
  asOf: z.string(),
  modelVersion: z.string(),
  computedAt: z.string(),
  summary: PredictionSummary,
});
export type PredictionRun = z.infer<typeof PredictionRun>;

/** Ten bins of 0.1 over [0, 1]; 1 falls in the last. */
export function scoreHistogram(values: Iterable<number>, bins = 10): ScoreHistogram {
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) counts[Math.min(bins - 1, Math.max(0, Math.floor(value * bins)))]!++;
  return counts.map((count, i) => ({ from: i / bins, to: (i + 1) / bins, count }));
}
