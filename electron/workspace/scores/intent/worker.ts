import type { MessagePort } from 'node:worker_threads';
import type { IntentSettings } from '../../../../shared/scores/intent/intent-settings';
import type { IntentSummary } from '../../../../shared/scores/intent/intent-summary';
import { runIntent } from './run-intent';
import { onTaskConnection } from '../../task-connection';

/**
 * Worker-thread entry (a piscina task): scores intent on a connection of its
 * own and writes the scores in one transaction at the end. A cancel
 * terminates the thread before that commit, so the previous scores stay.
 */

export interface IntentTask {
  workspace: string;
  settings: IntentSettings;
  port: MessagePort;
}

export function intentTask(task: IntentTask): Promise<IntentSummary> {
  return onTaskConnection(task, (db) => runIntent(db, task.settings, (done) => task.port.postMessage(done)));
}
