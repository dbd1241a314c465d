import type { MessagePort } from 'node:worker_threads';
import type { DedupRunReport } from '../../../shared/contract/schemas';
import { runDedup } from './run-dedup';
import { onTaskConnection } from '../task-connection';

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

export function dedupTask(task: DedupTask): Promise<DedupRunReport> {
  return onTaskConnection(task, (db) =>
    runDedup(db, {
      minScore: task.minScore,
      autoMergeAbove: task.autoMergeAbove,
      onProgress: (done, total) => task.port.postMessage({ done, total }),
    }),
  );
}
