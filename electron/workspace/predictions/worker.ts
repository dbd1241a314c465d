import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { PredictionModel, PredictionOutcome } from '../../../shared/scores/prediction-report';
import { runPrediction } from './run-prediction';
import { PREDICTION_STEPS } from './steps';

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

export async function predictionTask(task: PredictionTask): Promise<PredictionOutcome> {
  const db = new Database(task.workspace, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return await runPrediction(db, task, (stage, customers) => {
      const update: PredictionProgress = { done: PREDICTION_STEPS.indexOf(stage), total: PREDICTION_STEPS.length, rows: customers };
      task.port.postMessage(update);
    });
  } catch (error) {
    // Only a plain Error crosses the thread boundary whole (see the import worker).
    if (error instanceof Error && Object.getPrototypeOf(error) !== Error.prototype) {
      throw Object.assign(new Error(`${error.name}: ${error.message}`), { stack: error.stack });
    }
    throw error;
  } finally {
    db.close();
    task.port.close();
  }
}
