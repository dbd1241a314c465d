import type { ClusterSettings, ClustersOutcome } from '../../../../shared/scores/clusters/cluster-run';
import type { JobControl } from '../../../services/jobs';
import { runOnOwnThread } from '../../../services/own-thread';
import type { Db } from '../../db';
import { CLUSTER_STEPS, type ClustersResult } from './run-clusters';
import type { ClustersTask } from './worker';

/**
 * Runs a clustering on a worker thread (the dedup pattern): progress in
 * steps (reading, each k of the chart, the final fit, storing); a cancel
 * terminates the worker before its one write transaction commits.
 */
export async function clustersInWorker(db: Db, settings: ClusterSettings, control: JobControl): Promise<ClustersOutcome> {
  control.progress({ done: 0, total: CLUSTER_STEPS, rows: 0 });
  const task: Omit<ClustersTask, 'port'> = { workspace: db.name, settings };
  const run = await runOnOwnThread<ClustersResult, number>(__filename, 'clustersTask', task, {
    signal: control.signal,
    progress: (done) => control.progress({ done, total: CLUSTER_STEPS }),
  });
  if (run.cancelled) return { status: 'cancelled', message: 'Cancelled; the previous clusters are kept.', k: 0, customers: 0 };
  const result = run.result;
  if (!result.ok) return { status: 'failed', message: result.message, k: 0, customers: 0 };
  const { summary } = result;
  control.progress({ done: CLUSTER_STEPS, rows: summary.customers });
  return {
    status: 'succeeded',
    message: `${summary.customers.toLocaleString('en-US')} customers in ${summary.k} clusters.`,
    k: summary.k,
    customers: summary.customers,
  };
}
