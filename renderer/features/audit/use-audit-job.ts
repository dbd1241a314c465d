import { api } from '../../api/transport';
import { useJob } from '../../api/use-job';

/** Start an audit, follow its pushed progress, cancel it; the stored report is refetched when it ends. */
export function useAuditJob() {
  const job = useJob(['audit.latest']);
  return { ...job, start: () => job.start(() => api.call('audit.start', {})) };
}
