import type { PredictionModel } from '../../../shared/scores/prediction-report';
import { api } from '../../api/transport';
import { useJob } from '../../api/use-job';

/** Start one model's run, follow its pushed progress, cancel it; the stored run is refetched when it ends. */
export function usePredictionJob(model: PredictionModel) {
  const job = useJob(['predictions.latest']);
  return {
    ...job,
    start: (settings: { asOf: string; days: number }) => job.start(() => api.call('predictions.start', { model, ...settings })),
  };
}
