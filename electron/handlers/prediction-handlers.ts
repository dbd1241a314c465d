import type { Handlers } from '../../shared/contract/contract';
import type { JobKindSpec } from '../services/jobs';
import { latestPrediction } from '../workspace/predictions/latest-run';
import { predictionInWorker } from '../workspace/predictions/run-in-worker';
import { defaultAsOf } from '../workspace/default-as-of';
import type { HandlerContext } from './context';

/** A prediction run: progress in stages; the scores (tokens, conditions) and the Predictions view change when it ends. */
export const PREDICTION_RUN: JobKindSpec<'predictions.run'> = {
  kind: 'predictions.run',
  unit: 'rows',
  outcome: (result) => ({ status: result.status === 'not_enough_data' ? 'failed' : result.status, message: result.message }),
  changes: ['scores'],
};

export function predictionHandlers(ctx: HandlerContext): Pick<Handlers, 'predictions.start' | 'predictions.latest'> {
  return {
    'predictions.start': ({ model, asOf, days }) => {
      const { db } = ctx.session.require();
      const settings = { model, asOf: asOf ?? defaultAsOf(db), days };
      const job = ctx.jobs.start(PREDICTION_RUN, (control) => predictionInWorker(db, settings, control));
      return { jobId: job.id };
    },
    'predictions.latest': ({ model }) => latestPrediction(ctx.session.require().db, model),
  };
}
