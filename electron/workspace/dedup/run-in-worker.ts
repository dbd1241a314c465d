import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { DedupRunReport } from '../../../shared/contract/schemas';
import { workerEntry } from '../../services/worker-entry';
import type { JobControl } from '../../services/jobs';
import type { Db } from '../db';
import type { DedupTask } from './worker';

/**
 * Runs a dedup run on a worker thread (the import's pattern): progress arrives
 * as messages and goes to the job's control; a cancel terminates the worker
 * (piscina's abort) before its one write transaction commits, so the workspace
 * is as it was.
 */
export async function dedupInWorker(
  db: Db,
  options: { minScore: number; autoMergeAbove: number | null; control: JobControl },
): Promise<DedupRunReport> {
  const { control } = options;
  const { filename, execArgv } = workerEntry(__filename, () => require.resolve('tsx'));
  const pool = new Piscina({ filename, name: 'dedupTask', execArgv, minThreads: 0, maxThreads: 1, idleTimeout: 0 });
  const { port1, port2 } = new MessageChannel();
  let total = 0;
  port1.on('message', (update: { done: number; total: number }) => {
    total = update.total;
    control.progress({ done: update.done, total: update.total, rows: update.done });
  });
  const task: DedupTask = { workspace: db.name, minScore: options.minScore, autoMergeAbove: options.autoMergeAbove, port: port2 };
  try {
    const report = (await pool.run(task, { transferList: [port2], signal: control.signal })) as DedupRunReport;
    control.progress({ done: report.customers, total: report.customers, rows: report.customers });
    return report;
  } catch (error) {
    if (!control.signal.aborted) throw error;
    return {
      status: 'cancelled',
      message: 'Cancelled; nothing was changed.',
      customers: total,
      compared: 0,
      pairs: 0,
      minScore: options.minScore,
      autoMergeAbove: options.autoMergeAbove,
      clusters: [],
      merges: [],
    };
  } finally {
    port1.close();
    // Resolves once the thread has stopped, so its connection no longer holds the write lock.
    await pool.destroy();
  }
}
