import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { IntentSettings } from '../../../../shared/scores/intent/intent-settings';
import type { IntentOutcome, IntentSummary } from '../../../../shared/scores/intent/intent-summary';
import type { JobControl } from '../../../services/jobs';
import { workerEntry } from '../../../services/worker-entry';
import type { Db } from '../../db';
import { INTENT_STEPS } from './run-intent';
import type { IntentTask } from './worker';

/**
 * Runs an intent scoring on a worker thread (the dedup pattern): progress in
 * steps, and a cancel terminates the worker before its one write
 * transaction commits, leaving the previous run's scores in place.
 */
export async function intentInWorker(db: Db, settings: IntentSettings, control: JobControl): Promise<IntentOutcome> {
  const { filename, execArgv } = workerEntry(__filename, () => require.resolve('tsx'));
  const pool = new Piscina({ filename, name: 'intentTask', execArgv, minThreads: 0, maxThreads: 1, idleTimeout: 0 });
  const { port1, port2 } = new MessageChannel();
  control.progress({ done: 0, total: INTENT_STEPS, rows: 0 });
  port1.on('message', (done: number) => control.progress({ done, total: INTENT_STEPS }));
  const task: IntentTask = { workspace: db.name, settings, port: port2 };
  try {
    const summary = (await pool.run(task, { transferList: [port2], signal: control.signal })) as IntentSummary;
    control.progress({ done: INTENT_STEPS, rows: summary.customers });
    return {
      status: 'succeeded',
      message: `Scored ${summary.customers.toLocaleString('en-US')} customers: ${summary.withIntent.toLocaleString('en-US')} with intent.`,
      customers: summary.customers,
      withIntent: summary.withIntent,
    };
  } catch (error) {
    if (!control.signal.aborted) throw error;
    return { status: 'cancelled', message: 'Cancelled; the previous intent scores are kept.', customers: 0, withIntent: 0 };
  } finally {
    port1.close();
    // Resolves once the thread has stopped, so its connection no longer holds the write lock.
    await pool.destroy();
  }
}
