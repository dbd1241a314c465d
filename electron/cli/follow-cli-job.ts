import type { Client } from '../../shared/contract/contract';
import { followJob } from '../../shared/contract/follow-job';
import type { Job } from '../../shared/contract/schemas';
import type { TailorApp } from '../services/app';
import { onInterrupt } from './commands';
import type { Output } from './io';

/**
 * Starts a long job through the contract and follows it on the terminal, as
 * the studio does: a progress line while it runs (only on a terminal, never
 * with --json) and Ctrl+C cancels it, even before the job has its id.
 */
export async function followCliJob(
  out: Output,
  client: Client,
  app: TailorApp,
  start: () => Promise<{ jobId: string }>,
  words: { running: string; cancelling: string },
): Promise<Job> {
  const showProgress = out.io.stderr.isTTY === true && !out.json;
  let cancel = (): void => undefined;
  let interrupted = false;
  const detach = onInterrupt(out, () => {
    interrupted = true;
    out.note(words.cancelling);
    cancel();
  });
  try {
    const { jobId } = await start();
    cancel = () => void client.call('jobs.cancel', { jobId });
    if (interrupted) cancel();
    const feed = { subscribe: app.events.subscribe.bind(app.events), get: (id: string) => client.call('jobs.get', { jobId: id }) };
    const job = await followJob(feed, jobId, (update) => {
      const { done, total } = update.progress;
      if (showProgress && update.status === 'running' && total)
        out.io.stderr.write(`\r\u001b[K${words.running}… ${Math.floor((100 * done) / total)}%`);
    }).done;
    if (showProgress) out.io.stderr.write('\r\u001b[K');
    return job;
  } finally {
    detach();
  }
}
