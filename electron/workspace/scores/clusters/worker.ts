import type { MessagePort } from 'node:worker_threads';
import type { ClusterSettings } from '../../../../shared/scores/clusters/cluster-run';
import { runClusters, type ClustersResult } from './run-clusters';
import { onTaskConnection } from '../../task-connection';

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

export function clustersTask(task: ClustersTask): Promise<ClustersResult> {
  return onTaskConnection(task, (db) => runClusters(db, task.settings, (done) => task.port.postMessage(done)));
}
