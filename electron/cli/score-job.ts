import type { Client } from '../../shared/contract/contract';
import type { Job } from '../../shared/contract/schemas';
import type { TailorApp } from '../services/app';
import { followCliJob } from './follow-cli-job';
import { EXIT, type Output } from './io';

/**
 * Follows a score job to its end on the terminal; null when it succeeded,
 * otherwise the exit code after saying why (cancelled: previous scores kept).
 */
export async function followScoreJob(
  out: Output,
  client: Client,
  app: TailorApp,
  start: () => Promise<{ jobId: string }>,
  what: string,
): Promise<{ job: Job; exit: null } | { job: Job; exit: number }> {
  const job = await followCliJob(out, client, app, start, { running: `Scoring ${what}`, cancelling: `Cancelling ${what}...` });
  if (job.status === 'cancelled') {
    out.error('cancelled', `${what} cancelled; the previous scores are kept.`);
    return { job, exit: EXIT.interrupted };
  }
  if (job.status !== 'succeeded') {
    out.error(job.status === 'failed' && job.result ? 'invalid_input' : 'internal', job.message ?? `${what} failed.`);
    return { job, exit: EXIT.input };
  }
  return { job, exit: null };
}
