import { NotEnoughData } from '../not-enough-data';
import { PROPENSITY_FEATURES, standardise, standardiser, type Standardiser } from './features';
import { fitLogistic, predictProbability } from './logistic';
import { calibrationBins, rocAuc, type CalibrationBin } from './metrics';
import { splitIndices } from './split';

export interface PropensitySample {
  features: number[];
  /** 1 when the customer bought in the window after the cutoff. */
  label: 0 | 1;
}

export interface PropensityModel {
  features: readonly string[];
  standardiser: Standardiser;
  /** Intercept first, then one weight per standardised feature. */
  weights: number[];
  iterations: number;
  converged: boolean;
}

export interface PropensityEvaluation {
  /** Holdout ROC AUC: how well the model ranks buyers above non-buyers it was not trained on. */
  auc: number;
  calibration: CalibrationBin[];
  trainSize: number;
  holdoutSize: number;
  /** Share of the training customers who bought in the window. */
  baseRate: number;
}

export const MIN_PROPENSITY_CUSTOMERS = 50;
/** Each class needs a few members in both the training and the holdout set. */
const MIN_PER_CLASS = 5;

/**
 * Fits the propensity model on a seeded training share of the samples and
 * measures it on the rest: the model kept is the one whose holdout AUC is
 * reported, never one refitted on everything afterwards.
 */
export function trainPropensity(
  samples: readonly PropensitySample[],
  options: { seed?: number; holdoutShare?: number } = {},
): { model: PropensityModel; evaluation: PropensityEvaluation } {
  if (samples.length < MIN_PROPENSITY_CUSTOMERS)
    throw new NotEnoughData(
      `needs at least ${MIN_PROPENSITY_CUSTOMERS} customers with a purchase or an event before the cutoff (found ${samples.length}).`,
    );
  const buyers = samples.reduce((sum, sample) => sum + sample.label, 0);
  if (buyers < 2 * MIN_PER_CLASS || samples.length - buyers < 2 * MIN_PER_CLASS)
    throw new NotEnoughData(
      `needs at least ${2 * MIN_PER_CLASS} customers who bought in the window after the cutoff and ${2 * MIN_PER_CLASS} who did not (found ${buyers} and ${samples.length - buyers}).`,
    );
  const { train, holdout } = splitIndices(samples.length, options.holdoutShare ?? 0.3, options.seed ?? 20261201);
  const trainRows = train.map((i) => samples[i]!.features);
  const scale = standardiser(trainRows);
  const fitted = fitLogistic(
    trainRows.map((row) => standardise(scale, row)),
    train.map((i) => samples[i]!.label),
  );
  const model: PropensityModel = { features: PROPENSITY_FEATURES, standardiser: scale, ...fitted };
  const holdoutScores = holdout.map((i) => scorePropensity(model, samples[i]!.features));
  const holdoutLabels = holdout.map((i) => samples[i]!.label);
  const auc = rocAuc(holdoutScores, holdoutLabels);
  if (auc === null) throw new NotEnoughData('the holdout set has only buyers or only non-buyers; add more customers or widen the window.');
  return {
    model,
    evaluation: {
      auc,
      calibration: calibrationBins(holdoutScores, holdoutLabels),
      trainSize: train.length,
      holdoutSize: holdout.length,
      baseRate: train.reduce((sum, i) => sum + samples[i]!.label, 0) / train.length,
    },
  };
}

/** Probability of a purchase in the window, for raw (unstandardised) features. */
export const scorePropensity = (model: PropensityModel, features: readonly number[]): number =>
  predictProbability(model, standardise(model.standardiser, features));
