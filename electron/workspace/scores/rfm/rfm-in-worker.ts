import type { RfmOutcome } from '../../../../shared/scores/rfm/outcome';
import type { RfmSettings } from '../../../../shared/scores/rfm/settings';
import type { RfmSummary } from '../../../../shared/scores/rfm/summary';
import type { JobControl } from '../../../services/jobs';
import { runOnOwnThread } from '../../../services/own-thread';
import type { Db } from '../../db';
import { RFM_STAGES } from './run-rfm';
import type { RfmProgress, RfmTask } from './worker';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Runs an RFM recompute on a worker thread with its own connection (the
 * dedup pattern): progress in stages, pushed; a cancel terminates the worker
 * before its one write transaction commits, so the previous scores stay.
 */
export async function rfmInWorker(db: Db, options: { asOf: string; settings: RfmSettings; control: JobControl }): Promise<RfmOutcome> {
  const { control, asOf } = options;
  const task: Omit<RfmTask, 'port'> = { workspace: db.name, asOf, settings: options.settings };
  const run = await runOnOwnThread<RfmSummary, RfmProgress>(__filename, 'rfmTask', task, {
    signal: control.signal,
    progress: (update) => control.progress({ done: update.stage, total: RFM_STAGES, rows: update.customers }),
  });
  if (run.cancelled) return { status: 'cancelled', message: 'RFM cancelled; the previous scores are kept.', customers: 0, asOf };
  const summary = run.result;
  const message =
    summary.customers === 0
      ? `No orders up to ${asOf}: nobody was scored.`
      : `Scored ${plural(summary.customers, 'customer')} as of ${asOf}` +
        (summary.customersWithoutOrders > 0
          ? `; ${plural(summary.customersWithoutOrders, 'customer')} without orders have no RFM score.`
          : '.');
  return { status: 'succeeded', message, customers: summary.customers, asOf };
}
