import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MethodName } from '../../../shared/contract/methods';
import type { Job } from '../../../shared/contract/schemas';
import { followJob } from '../../api/events';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

export type ScoreJobRun =
  { kind: 'idle' } | { kind: 'running'; jobId: string; job: Job | null } | { kind: 'ended'; message: string; ok: boolean };

/**
 * Start a scoring job, follow its pushed progress, cancel it; when it ends the
 * model's stored run (`refresh`) is refetched. The job's `scores` topic
 * refreshes other windows; this makes the view that started it wait for it.
 */
export function useScoreJob(refresh: readonly MethodName[]) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<ScoreJobRun>({ kind: 'idle' });
  const jobId = run.kind === 'running' ? run.jobId : null;
  const keys = refresh.join(' ');

  useEffect(() => {
    if (!jobId) return;
    const following = followJob(jobId, (job) => {
      if (job.status === 'running') setRun((current) => (current.kind === 'running' ? { ...current, job } : current));
    });
    following.done.then(
      async (job) => {
        await Promise.all(keys.split(' ').map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
        setRun({ kind: 'ended', ok: job.status === 'succeeded', message: job.message ?? job.status });
      },
      (error: unknown) => setRun({ kind: 'ended', ok: false, message: errorMessage(error) }),
    );
    return following.stop;
  }, [jobId, keys, queryClient]);

  return {
    run,
    start: async (begin: () => Promise<{ jobId: string }>) => {
      try {
        const { jobId: id } = await begin();
        setRun({ kind: 'running', jobId: id, job: null });
      } catch (error) {
        setRun({ kind: 'ended', ok: false, message: errorMessage(error) });
      }
    },
    cancel: () => {
      if (jobId) void api.call('jobs.cancel', { jobId });
    },
  };
}
