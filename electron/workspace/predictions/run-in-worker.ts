import type { PredictionModel, PredictionOutcome } from '../../../shared/scores/prediction-report';
import type { JobControl } from '../../services/jobs';
import { runOnOwnThread } from '../../services/own-thread';
import type { Db } from '../db';
import type { PredictionProgress, PredictionTask } from './worker';

/**
 * Runs a prediction on a worker thread (fitting and scoring a million
 * customers must not block the host), the dedup job's pattern: progress is
 * pushed to the job, and a cancel terminates the thread before its one write
 * transaction commits, so the previous scores and run summary stay.
 */
export async function predictionInWorker(
  db: Db,
  settings: { model: PredictionModel; asOf: string; days: number },
  control: JobControl,
): Promise<PredictionOutcome> {
  const task: Omit<PredictionTask, 'port'> = { workspace: db.name, ...settings };
  const run = await runOnOwnThread<PredictionOutcome, PredictionProgress>(__filename, 'predictionTask', task, {
    signal: control.signal,
    progress: (update) => control.progress(update),
  });
  if (run.cancelled)
    return { status: 'cancelled', model: settings.model, message: 'Cancelled; the previous scores are kept.', summary: null };
  control.progress({ done: 4, total: 4 });
  return run.result;
}
