import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/contract/schemas';
import type { RfmSettings } from '../../../shared/scores/rfm/settings';
import { followJob } from '../../api/events';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

export type RfmJobState =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: string; job: Job | null }
  /** `succeeded` says nothing more than the refreshed results do; the view shows the others. */
  | { kind: 'ended'; message: string; status: 'succeeded' | 'cancelled' | 'failed' };

/** Save the settings, start an RFM run, follow its pushed progress, cancel it; the stored summary is refetched when it ends. */
export function useRfmJob() {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<RfmJobState>({ kind: 'idle' });
  const jobId = run.kind === 'running' ? run.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    const following = followJob(jobId, (job) => {
      if (job.status === 'running') setRun((current) => (current.kind === 'running' ? { ...current, job } : current));
    });
    following.done.then(
      async (job) => {
        await queryClient.invalidateQueries({ queryKey: ['scores.rfm.summary'] });
        setRun({ kind: 'ended', status: job.status === 'running' ? 'failed' : job.status, message: job.message ?? job.status });
      },
      (error: unknown) => setRun({ kind: 'ended', status: 'failed', message: errorMessage(error) }),
    );
    return following.stop;
  }, [jobId, queryClient]);

  return {
    run,
    start: async (asOf: string, settings: RfmSettings) => {
      try {
        const saved = await api.call('scores.rfm.settings.save', settings);
        queryClient.setQueryData(['scores.rfm.settings.get', {}], saved);
        const { jobId: id } = await api.call('scores.rfm.run', { asOf, settings: saved });
        setRun({ kind: 'running', jobId: id, job: null });
      } catch (error) {
        setRun({ kind: 'ended', status: 'failed', message: errorMessage(error) });
      }
    },
    cancel: () => {
      if (jobId) void api.call('jobs.cancel', { jobId });
    },
  };
}
