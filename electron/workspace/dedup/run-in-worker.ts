import type { DedupRunReport } from '../../../shared/contract/schemas';
import { runOnOwnThread } from '../../services/own-thread';
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
  let total = 0;
  const task: Omit<DedupTask, 'port'> = { workspace: db.name, minScore: options.minScore, autoMergeAbove: options.autoMergeAbove };
  const run = await runOnOwnThread<DedupRunReport, { done: number; total: number }>(__filename, 'dedupTask', task, {
    signal: control.signal,
    progress: (update) => {
      total = update.total;
      control.progress({ done: update.done, total: update.total, rows: update.done });
    },
  });
  if (run.cancelled)
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
  const report = run.result;
  control.progress({ done: report.customers, total: report.customers, rows: report.customers });
  return report;
}
