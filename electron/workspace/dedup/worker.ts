import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { DedupRunReport } from '../../../shared/contract/schemas';
import { runDedup } from './run-dedup';

/**
 * Worker-thread entry (a piscina task): one dedup run on its own connection to
 * the workspace file, so scoring a million profiles never blocks the host.
 * Progress goes back over `port` as { done, total } profiles. A cancel
 * terminates this thread; the run writes in one transaction at its end, so
 * nothing it did survives.
 */

export interface DedupTask {
  workspace: string;
  minScore: number;
  autoMergeAbove: number | null;
  port: MessagePort;
}

export function dedupTask(task: DedupTask): DedupRunReport {
  const db = new Database(task.workspace, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return runDedup(db, {
      minScore: task.minScore,
      autoMergeAbove: task.autoMergeAbove,
      onProgress: (done, total) => task.port.postMessage({ done, total }),
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
