import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/contract/schemas';
import type { PredictionModel } from '../../../shared/scores/prediction-report';
import { followJob } from '../../api/events';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

export type PredictionJob =
  { kind: 'idle' } | { kind: 'running'; jobId: string; job: Job | null } | { kind: 'ended'; message: string; ok: boolean };

/** Start one model's run, follow its pushed progress, cancel it; the stored run is refetched when it ends. */
export function usePredictionJob(model: PredictionModel) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<PredictionJob>({ kind: 'idle' });
  const jobId = run.kind === 'running' ? run.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    const following = followJob(jobId, (job) => {
      if (job.status === 'running') setRun((current) => (current.kind === 'running' ? { ...current, job } : current));
    });
    following.done.then(
      async (job) => {
        await queryClient.invalidateQueries({ queryKey: ['predictions.latest'] });
        setRun({ kind: 'ended', ok: job.status === 'succeeded', message: job.message ?? job.status });
      },
      (error: unknown) => setRun({ kind: 'ended', ok: false, message: errorMessage(error) }),
    );
    return following.stop;
  }, [jobId, queryClient]);

  return {
    run,
    start: async (settings: { asOf: string; days: number }) => {
      try {
        const { jobId: id } = await api.call('predictions.start', { model, ...settings });
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
