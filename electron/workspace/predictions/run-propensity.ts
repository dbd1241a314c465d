import { dayNumber } from '../../../shared/scores/bgnbd/summary';
import { MODEL_VERSIONS, scoreHistogram, type PropensitySummary } from '../../../shared/scores/prediction-report';
import { featureVector, PROPENSITY_FEATURES } from '../../../shared/scores/propensity/features';
import { scorePropensity, trainPropensity } from '../../../shared/scores/propensity/train';
import type { Db } from '../db';
import { replaceModelScores } from '../scores/score-store';
import { readActivity, readBuyersBetween } from './read-activity';
import type { PredictionStep } from './steps';

/** "Never ordered" reads as this many days since the last order, so the feature stays finite. */
const NEVER_DAYS = 3650;
const SPLIT_SEED = 20261201;

const isoDayOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Purchase propensity: learn, at a cutoff `days` before the as-of date, who
 * bought in the `days` that followed from what was known at the cutoff;
 * measure it on a seeded holdout (AUC, calibration); then score everyone
 * known at the as-of date for a purchase in the next `days` days.
 */
export function runPropensity(db: Db, settings: { asOf: string; days: number }, step: PredictionStep): PropensitySummary {
  const asOfDay = dayNumber(settings.asOf);
  const cutoffDay = asOfDay - settings.days;
  step('reading', 0);
  const atCutoff = readActivity(db, cutoffDay, settings.days);
  const buyers = readBuyersBetween(db, cutoffDay, asOfDay);
  const samples = [...atCutoff.values()].map((activity) => ({
    features: featureVector(activity, cutoffDay, NEVER_DAYS),
    label: buyers.has(activity.customerId) ? (1 as const) : (0 as const),
  }));
  step('fitting', samples.length);
  const { model, evaluation } = trainPropensity(samples, { seed: SPLIT_SEED });
  step('scoring', samples.length);
  const scored = [...readActivity(db, asOfDay, settings.days).values()].map((activity) => ({
    customerId: activity.customerId,
    propensity: scorePropensity(model, featureVector(activity, asOfDay, NEVER_DAYS)),
  }));
  const summary: PropensitySummary = {
    model: 'propensity',
    asOf: settings.asOf,
    cutoff: isoDayOf(cutoffDay),
    days: settings.days,
    auc: evaluation.auc,
    calibration: evaluation.calibration,
    trainSize: evaluation.trainSize,
    holdoutSize: evaluation.holdoutSize,
    baseRate: evaluation.baseRate,
    intercept: model.weights[0]!,
    weights: PROPENSITY_FEATURES.map((feature, j) => ({ feature, weight: model.weights[j + 1]! })),
    customers: scored.length,
    meanPropensity: scored.reduce((sum, row) => sum + row.propensity, 0) / Math.max(1, scored.length),
    histogram: scoreHistogram(scored.map((row) => row.propensity)),
  };
  step('writing', scored.length);
  replaceModelScores(
    db,
    {
      model: 'propensity',
      asOf: settings.asOf,
      modelVersion: MODEL_VERSIONS.propensity,
      settings: { days: settings.days, seed: SPLIT_SEED },
      summary,
    },
    scored.map((row) => ({ customerId: row.customerId, scores: { purchase_propensity: row.propensity } })),
  );
  return summary;
}
