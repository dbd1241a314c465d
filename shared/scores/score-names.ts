/**
 * Every per-customer value a scoring model computes, by the token name a
 * template, a rule condition and the customer dialog know it by. One model
 * run writes all of its scores at once (`customer_scores`, migration 13), and
 * `score_runs` records the run's as-of date and model version.
 */
export const SCORE_MODELS = ['rfm', 'intent', 'clusters', 'churn', 'propensity'] as const;
export type ScoreModel = (typeof SCORE_MODELS)[number];

export interface ScoreDefinition {
  model: ScoreModel;
  /** What the score holds: a number (`customer_scores.value`) or a label (`customer_scores.label`). */
  holds: 'number' | 'label';
  /** Shown in completions, the rule builder and the customer dialog. */
  description: string;
}

export const SCORES = {
  rfm_tier: { model: 'rfm', holds: 'label', description: 'RFM tier, e.g. "Champions"' },
  rfm_r: { model: 'rfm', holds: 'number', description: 'RFM recency score (1 = longest ago)' },
  rfm_f: { model: 'rfm', holds: 'number', description: 'RFM frequency score (1 = fewest orders)' },
  rfm_m: { model: 'rfm', holds: 'number', description: 'RFM monetary score (1 = lowest spend)' },
  intent_score: { model: 'intent', holds: 'number', description: 'Weighted recent events (product views, cart adds, purchases)' },
  cluster: { model: 'clusters', holds: 'label', description: 'Behavioural cluster name' },
  churn_probability: { model: 'churn', holds: 'number', description: 'BG/NBD probability the customer has churned (1 − P(alive))' },
  expected_purchases: { model: 'churn', holds: 'number', description: 'BG/NBD expected purchases in the prediction window' },
  purchase_propensity: { model: 'propensity', holds: 'number', description: 'Probability of a purchase in the next window' },
} as const satisfies Record<string, ScoreDefinition>;

export type ScoreName = keyof typeof SCORES;
export const SCORE_NAMES = Object.keys(SCORES) as ScoreName[];

export const isScoreName = (name: string): name is ScoreName => Object.hasOwn(SCORES, name);

/** The scores one model writes. */
export const scoresOf = (model: ScoreModel): ScoreName[] => SCORE_NAMES.filter((name) => SCORES[name].model === model);
