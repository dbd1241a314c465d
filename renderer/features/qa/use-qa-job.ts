import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/contract/schemas';
import { followJob } from '../../api/events';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

export type QaRun =
  { kind: 'idle' } | { kind: 'running'; jobId: string; job: Job | null } | { kind: 'ended'; message: string; ok: boolean };

/** Start bulk QA, follow its pushed progress, cancel it; the stored report is refetched when it ends. */
export function useQaJob() {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<QaRun>({ kind: 'idle' });
  const jobId = run.kind === 'running' ? run.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    const following = followJob(jobId, (job) => {
      if (job.status === 'running') setRun((current) => (current.kind === 'running' ? { ...current, job } : current));
    });
    following.done.then(
      async (job) => {
        await queryClient.invalidateQueries({ queryKey: ['qa.latest'] });
        setRun({ kind: 'ended', ok: job.status === 'succeeded', message: job.message ?? job.status });
      },
      (error: unknown) => setRun({ kind: 'ended', ok: false, message: errorMessage(error) }),
    );
    return following.stop;
  }, [jobId, queryClient]);

  return {
    run,
    start: async (templateId: number, segmentId: number | undefined) => {
      try {
        const { jobId: id } = await api.call('qa.start', { templateId, segmentId });
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
