import { NotEnoughData } from '../../../shared/scores/not-enough-data';
import type { PredictionOutcome, PredictionModel } from '../../../shared/scores/prediction-report';
import type { Db } from '../db';
import { runChurn } from './run-churn';
import { runPropensity } from './run-propensity';
import type { PredictionStep } from './steps';

const MODEL_NAMES: Record<PredictionModel, string> = { churn: 'Churn (BG/NBD)', propensity: 'Purchase propensity' };

/**
 * One prediction run on `db`, by model. Too little data is an outcome with
 * a message saying what the model needs, not an error: the previous scores
 * stay, as they do when the run is cancelled.
 */
export async function runPrediction(
  db: Db,
  settings: { model: PredictionModel; asOf: string; days: number },
  step: PredictionStep,
): Promise<PredictionOutcome> {
  const { model } = settings;
  try {
    const summary = model === 'churn' ? await runChurn(db, settings, step) : runPropensity(db, settings, step);
    const message =
      summary.model === 'churn'
        ? `Churn scored for ${summary.customers} customers as of ${summary.asOf} (BG/NBD r=${summary.params.r.toFixed(3)}, α=${summary.params.alpha.toFixed(2)}, a=${summary.params.a.toFixed(3)}, b=${summary.params.b.toFixed(3)}).`
        : `Purchase propensity scored for ${summary.customers} customers as of ${summary.asOf}; holdout AUC ${summary.auc.toFixed(3)}.`;
    return { status: 'succeeded', model, message, summary };
  } catch (error) {
    if (error instanceof NotEnoughData)
      return {
        status: 'not_enough_data',
        model,
        message: `${MODEL_NAMES[model]} ${error.message} The previous scores are kept.`,
        summary: null,
      };
    throw error;
  }
}
