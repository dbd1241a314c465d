import { PredictionRun, PredictionSummary, type PredictionModel } from '../../../shared/scores/prediction-report';
import type { Db } from '../db';
import { scoreRun } from '../scores/score-store';

/** The latest stored run of a prediction model, or null (never run, or stored by a Tailor whose summary we cannot read). */
export function latestPrediction(db: Db, model: PredictionModel): PredictionRun | null {
  const run = scoreRun(db, model);
  if (!run) return null;
  const summary = PredictionSummary.safeParse(run.summary);
  if (!summary.success) return null;
  return PredictionRun.parse({ model, asOf: run.asOf, modelVersion: run.modelVersion, computedAt: run.computedAt, summary: summary.data });
}
