import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { IntentSettings } from '../../../../shared/scores/intent/intent-settings';
import type { IntentSummary } from '../../../../shared/scores/intent/intent-summary';
import { runIntent } from './run-intent';

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

export function intentTask(task: IntentTask): IntentSummary {
  const db = new Database(task.workspace, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return runIntent(db, task.settings, (done) => task.port.postMessage(done));
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
