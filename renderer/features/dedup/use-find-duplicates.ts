import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DedupRunReport, Job } from '../../../shared/contract/schemas';
import { followJob } from '../../api/events';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

export type FindState =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: string; job: Job | null }
  | { kind: 'done'; report: DedupRunReport }
  | { kind: 'failed'; message: string };

/** Start a dedup job and follow its pushed progress until it ends; every cached view refreshes then. */
export function useFindDuplicates() {
  const [state, setState] = useState<FindState>({ kind: 'idle' });
  const queryClient = useQueryClient();
  const jobId = state.kind === 'running' ? state.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    const following = followJob(jobId, (job) => {
      if (job.status === 'running') setState((current) => (current.kind === 'running' ? { ...current, job } : current));
    });
    following.done.then(
      async (job) => {
        await queryClient.invalidateQueries();
        const report = job.kind === 'dedup' ? job.result : null;
        setState(
          report ? { kind: 'done', report } : { kind: 'failed', message: job.message ?? 'Finding duplicates stopped without a report.' },
        );
      },
      (error: unknown) => setState({ kind: 'failed', message: `Lost track of the search: ${errorMessage(error)}` }),
    );
    return following.stop;
  }, [jobId, queryClient]);

  const start = async (autoMergeAbove: number | null) => {
    try {
      const { jobId: id } = await api.call('dedup.start', { autoMergeAbove });
      setState({ kind: 'running', jobId: id, job: null });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  };
  const cancel = () => {
    if (jobId) void api.call('jobs.cancel', { jobId });
  };
  return { state, start, cancel };
}
