import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { PredictionModel, PredictionOutcome } from '../../../shared/scores/prediction-report';
import type { JobControl } from '../../services/jobs';
import { workerEntry } from '../../services/worker-entry';
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
  const { filename, execArgv } = workerEntry(__filename, () => require.resolve('tsx'));
  const pool = new Piscina({ filename, name: 'predictionTask', execArgv, minThreads: 0, maxThreads: 1, idleTimeout: 0 });
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (update: PredictionProgress) => control.progress(update));
  const task: PredictionTask = { workspace: db.name, ...settings, port: port2 };
  try {
    const outcome = (await pool.run(task, { transferList: [port2], signal: control.signal })) as PredictionOutcome;
    control.progress({ done: 4, total: 4 });
    return outcome;
  } catch (error) {
    if (!control.signal.aborted) throw error;
    return { status: 'cancelled', model: settings.model, message: 'Cancelled; the previous scores are kept.', summary: null };
  } finally {
    port1.close();
    // Resolves once the thread has stopped, so its connection no longer holds the write lock.
    await pool.destroy();
  }
}
