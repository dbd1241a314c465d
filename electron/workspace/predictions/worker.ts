import type { MessagePort } from 'node:worker_threads';
import type { PredictionModel, PredictionOutcome } from '../../../shared/scores/prediction-report';
import { runPrediction } from './run-prediction';
import { PREDICTION_STEPS } from './steps';
import { onTaskConnection } from '../task-connection';

/**
 * Worker-thread entry (a piscina task): one prediction run on its own
 * connection to the workspace, posting { done, total, rows } progress over
 * `port`. Scores are written in one transaction at the end; a cancel
 * terminates this thread before it commits, so the previous scores stay.
 */

export interface PredictionTask {
  workspace: string;
  model: PredictionModel;
  asOf: string;
  days: number;
  port: MessagePort;
}

export interface PredictionProgress {
  done: number;
  total: number;
  rows: number;
}

export function predictionTask(task: PredictionTask): Promise<PredictionOutcome> {
  return onTaskConnection(task, (db) =>
    runPrediction(db, task, (stage, customers) => {
      const update: PredictionProgress = { done: PREDICTION_STEPS.indexOf(stage), total: PREDICTION_STEPS.length, rows: customers };
      task.port.postMessage(update);
    }),
  );
}
