import type { MessagePort } from 'node:worker_threads';
import type { RfmSettings } from '../../../../shared/scores/rfm/settings';
import type { RfmSummary } from '../../../../shared/scores/rfm/summary';
import { runRfm } from './run-rfm';
import { onTaskConnection } from '../../task-connection';

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

export function rfmTask(task: RfmTask): Promise<RfmSummary> {
  return onTaskConnection(
    task,
    (db) =>
      runRfm(db, {
        asOf: task.asOf,
        settings: task.settings,
        progress: (stage, customers) => task.port.postMessage({ stage, customers } satisfies RfmProgress),
      }),
    { bulkWrites: true },
  );
}
