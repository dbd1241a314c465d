import type { Handlers } from '../../shared/contract/contract';
import { RfmSettings } from '../../shared/scores/rfm/settings';
import { RfmSummary, type RfmRun } from '../../shared/scores/rfm/summary';
import { SCORE_RFM } from '../services/jobs';
import { scoreRun } from '../workspace/scores/score-store';
import { rfmInWorker } from '../workspace/scores/rfm/rfm-in-worker';
import { readRfmSettings, saveRfmSettings } from '../workspace/scores/rfm/rfm-settings-repo';
import { defaultAsOf } from '../workspace/default-as-of';
import type { HandlerContext } from './context';

type RfmMethods = 'scores.rfm.settings.get' | 'scores.rfm.settings.save' | 'scores.rfm.run' | 'scores.rfm.summary';

export function rfmHandlers(ctx: HandlerContext): Pick<Handlers, RfmMethods> {
  return {
    'scores.rfm.settings.get': () => readRfmSettings(ctx.session.require().db),
    'scores.rfm.settings.save': (settings) => saveRfmSettings(ctx.session.require().db, settings),
    'scores.rfm.run': ({ asOf, settings }) => {
      const { db } = ctx.session.require();
      const use = settings ?? readRfmSettings(db);
      const job = ctx.jobs.start(SCORE_RFM, (control) => rfmInWorker(db, { asOf: asOf ?? defaultAsOf(db), settings: use, control }));
      return { jobId: job.id };
    },
    'scores.rfm.summary': (): RfmRun | null => {
      const run = scoreRun(ctx.session.require().db, 'rfm');
      if (!run) return null;
      // A run stored by another version of Tailor may not read; the view then offers to run again.
      const settings = RfmSettings.safeParse(run.settings);
      const summary = RfmSummary.safeParse(run.summary);
      if (!settings.success || !summary.success) return null;
      return { asOf: run.asOf, computedAt: run.computedAt, modelVersion: run.modelVersion, settings: settings.data, summary: summary.data };
    },
  };
}
