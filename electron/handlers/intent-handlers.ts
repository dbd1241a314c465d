import type { Handlers } from '../../shared/contract/contract';
import { IntentSettings } from '../../shared/scores/intent/intent-settings';
import { INTENT_RUN } from '../services/jobs';
import { intentInWorker } from '../workspace/scores/intent/intent-in-worker';
import { applyThreshold, countAtLeast, latestIntentRun } from '../workspace/scores/intent/intent-repo';
import { defaultAsOf } from '../workspace/default-as-of';
import type { HandlerContext } from './context';

type IntentMethods = 'intent.start' | 'intent.latest' | 'intent.countAtLeast' | 'intent.applyThreshold';

export function intentHandlers(ctx: HandlerContext): Pick<Handlers, IntentMethods> {
  return {
    'intent.start': (input) => {
      const { db } = ctx.session.require();
      // A threshold left out carries over from the previous run, so re-scoring keeps the "High intent" cut-off.
      const settings = IntentSettings.parse({
        ...input,
        asOf: input.asOf ?? defaultAsOf(db),
        threshold: input.threshold === undefined ? (latestIntentRun(db)?.settings.threshold ?? null) : input.threshold,
      });
      const job = ctx.jobs.start(INTENT_RUN, (control) => intentInWorker(db, settings, control));
      return { jobId: job.id };
    },
    'intent.latest': () => latestIntentRun(ctx.session.require().db),
    'intent.countAtLeast': ({ threshold }) => ({ count: countAtLeast(ctx.session.require().db, threshold) }),
    'intent.applyThreshold': ({ threshold }) => applyThreshold(ctx.session.require().db, threshold),
  };
}
