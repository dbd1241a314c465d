import type { IntentSettings } from '../../../../shared/scores/intent/intent-settings';
import type { IntentOutcome, IntentSummary } from '../../../../shared/scores/intent/intent-summary';
import type { JobControl } from '../../../services/jobs';
import { runOnOwnThread } from '../../../services/own-thread';
import type { Db } from '../../db';
import { INTENT_STEPS } from './run-intent';
import type { IntentTask } from './worker';

/**
 * Runs an intent scoring on a worker thread (the dedup pattern): progress in
 * steps, and a cancel terminates the worker before its one write
 * transaction commits, leaving the previous run's scores in place.
 */
export async function intentInWorker(db: Db, settings: IntentSettings, control: JobControl): Promise<IntentOutcome> {
  control.progress({ done: 0, total: INTENT_STEPS, rows: 0 });
  const task: Omit<IntentTask, 'port'> = { workspace: db.name, settings };
  const run = await runOnOwnThread<IntentSummary, number>(__filename, 'intentTask', task, {
    signal: control.signal,
    progress: (done) => control.progress({ done, total: INTENT_STEPS }),
  });
  if (run.cancelled)
    return { status: 'cancelled', message: 'Cancelled; the previous intent scores are kept.', customers: 0, withIntent: 0 };
  const summary = run.result;
  control.progress({ done: INTENT_STEPS, rows: summary.customers });
  return {
    status: 'succeeded',
    message: `Scored ${summary.customers.toLocaleString('en-US')} customers: ${summary.withIntent.toLocaleString('en-US')} with intent.`,
    customers: summary.customers,
    withIntent: summary.withIntent,
  };
}
