import { useQueryClient } from '@tanstack/react-query';
import type { RfmSettings } from '../../../shared/scores/rfm/settings';
import { api } from '../../api/transport';
import { useJob } from '../../api/use-job';

/** Save the settings, start an RFM run, follow its pushed progress, cancel it; the stored summary is refetched when it ends. */
export function useRfmJob() {
  const queryClient = useQueryClient();
  const job = useJob(['scores.rfm.summary']);
  return {
    ...job,
    start: (asOf: string, settings: RfmSettings) =>
      job.start(async () => {
        const saved = await api.call('scores.rfm.settings.save', settings);
        queryClient.setQueryData(['scores.rfm.settings.get', {}], saved);
        return api.call('scores.rfm.run', { asOf, settings: saved });
      }),
  };
}
