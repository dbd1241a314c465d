import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { RfmSettings } from '../../../../shared/scores/rfm/settings';
import type { RfmSummary } from '../../../../shared/scores/rfm/summary';
import { runRfm } from './run-rfm';

/**
 * Worker-thread entry (a piscina task): one RFM recompute on its own
 * connection to the workspace, so a million customers never block the host.
 * Progress goes back over `port` as { stage, customers }. A cancel terminates
 * the thread; the scores are written in one transaction at the end, so a
 * cancelled run leaves the previous scores as they were.
 */

export interface RfmTask {
  workspace: string;
  asOf: string;
  settings: RfmSettings;
  port: MessagePort;
}

export interface RfmProgress {
  stage: number;
  customers: number;
}

export function rfmTask(task: RfmTask): RfmSummary {
  const db = new Database(task.workspace, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    return runRfm(db, {
      asOf: task.asOf,
      settings: task.settings,
      progress: (stage, customers) => task.port.postMessage({ stage, customers } satisfies RfmProgress),
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
