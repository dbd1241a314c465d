import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ClusterSettings, ClustersOutcome } from '../../../../shared/scores/clusters/cluster-run';
import type { JobControl } from '../../../services/jobs';
import { workerEntry } from '../../../services/worker-entry';
import type { Db } from '../../db';
import { CLUSTER_STEPS, type ClustersResult } from './run-clusters';
import type { ClustersTask } from './worker';

/**
 * Runs a clustering on a worker thread (the dedup pattern): progress in
 * steps (reading, each k of the chart, the final fit, storing); a cancel
 * terminates the worker before its one write transaction commits.
 */
export async function clustersInWorker(db: Db, settings: ClusterSettings, control: JobControl): Promise<ClustersOutcome> {
  const { filename, execArgv } = workerEntry(__filename, () => require.resolve('tsx'));
  const pool = new Piscina({ filename, name: 'clustersTask', execArgv, minThreads: 0, maxThreads: 1, idleTimeout: 0 });
  const { port1, port2 } = new MessageChannel();
  control.progress({ done: 0, total: CLUSTER_STEPS, rows: 0 });
  port1.on('message', (done: number) => control.progress({ done, total: CLUSTER_STEPS }));
  const task: ClustersTask = { workspace: db.name, settings, port: port2 };
  try {
    const result = (await pool.run(task, { transferList: [port2], signal: control.signal })) as ClustersResult;
    if (!result.ok) return { status: 'failed', message: result.message, k: 0, customers: 0 };
    const { summary } = result;
    control.progress({ done: CLUSTER_STEPS, rows: summary.customers });
    return {
      status: 'succeeded',
      message: `${summary.customers.toLocaleString('en-US')} customers in ${summary.k} clusters.`,
      k: summary.k,
      customers: summary.customers,
    };
  } catch (error) {
    if (!control.signal.aborted) throw error;
    return { status: 'cancelled', message: 'Cancelled; the previous clusters are kept.', k: 0, customers: 0 };
  } finally {
    port1.close();
    // Resolves once the thread has stopped, so its connection no longer holds the write lock.
    await pool.destroy();
  }
}
