import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { ClusterSettings } from '../../../../shared/scores/clusters/cluster-run';
import { runClusters, type ClustersResult } from './run-clusters';

/**
 * Worker-thread entry (a piscina task): clusters on a connection of its own
 * and writes the labels in one transaction at the end. A cancel terminates
 * the thread before that commit, so the previous clusters stay.
 */

export interface ClustersTask {
  workspace: string;
  settings: ClusterSettings;
  port: MessagePort;
}

export function clustersTask(task: ClustersTask): ClustersResult {
  const db = new Database(task.workspace, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return runClusters(db, task.settings, (done) => task.port.postMessage(done));
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
