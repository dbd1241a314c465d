import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MethodName } from '../../shared/contract/methods';
import type { Job } from '../../shared/contract/schemas';
import { followJob } from './events';
import { errorMessage } from './queries';
import { api } from './transport';

export type JobRun =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: string; job: Job | null }
  | {
      kind: 'ended';
      status: 'succeeded' | 'cancelled' | 'failed';
      ok: boolean;
      message: string;
      /** The job as it ended (its result, typed by kind), or null when it could not start or be followed. */
      job: Job | null;
    };

/**
 * Start a worker job, follow its pushed progress, cancel it. When it ends the
 * queries in `refresh` (the job's stored result) are refetched before the
 * run says so, so a view never shows "done" beside the previous result. The
 * job's change topic refreshes other windows; this makes the view that
 * started it wait for it.
 */
export function useJob(refresh: readonly MethodName[]) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<JobRun>({ kind: 'idle' });
  const jobId = run.kind === 'running' ? run.jobId : null;
  const keys = refresh.join(' ');

  useEffect(() => {
    if (!jobId) return;
    const following = followJob(jobId, (job) => {
      if (job.status === 'running') setRun((current) => (current.kind === 'running' ? { ...current, job } : current));
    });
    following.done.then(
      async (job) => {
        await Promise.all(refreshKeys(keys).map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
        const status = job.status === 'running' ? 'failed' : job.status;
        setRun({ kind: 'ended', status, ok: status === 'succeeded', message: job.message ?? status, job });
      },
      (error: unknown) => setRun({ kind: 'ended', status: 'failed', ok: false, message: errorMessage(error), job: null }),
    );
    return following.stop;
  }, [jobId, keys, queryClient]);

  return {
    run,
    /** `begin` starts the job (and may save settings first); its failure ends the run with the reason. */
    start: async (begin: () => Promise<{ jobId: string }>) => {
      try {
        const { jobId: id } = await begin();
        setRun({ kind: 'running', jobId: id, job: null });
      } catch (error) {
        setRun({ kind: 'ended', status: 'failed', ok: false, message: errorMessage(error), job: null });
      }
    },
    cancel: () => {
      if (jobId) void api.call('jobs.cancel', { jobId });
    },
  };
}

/** The method names `useJob` joined into one dependency string; none when the job's result is in the job itself. */
const refreshKeys = (keys: string): string[] => (keys === '' ? [] : keys.split(' '));

/** The share of a running job done, 0 to 1, from its pushed progress (0 until the first report). */
export function jobShare(run: Extract<JobRun, { kind: 'running' }>): number {
  const progress = run.job?.progress;
  return progress?.total ? Math.min(1, progress.done / progress.total) : 0;
}
