import type { Handlers } from '../../shared/contract/contract';
import { QA_RUN } from '../services/jobs';
import { addAnalysisPersonas } from '../services/qa/analysis-personas';
import { qaInWorkers } from '../services/qa/qa-in-worker';
import { latestQaReport } from '../services/qa/qa-reports-repo';
import { getSegmentRule } from '../workspace/segments-repo';
import { getTemplate } from '../workspace/templates-repo';
import type { HandlerContext } from './context';

export function qaHandlers(ctx: HandlerContext): Pick<Handlers, 'qa.start' | 'qa.latest' | 'personas.fromAnalysis'> {
  return {
    'qa.start': ({ templateId, segmentId }) => {
      const db = ctx.session.require().db;
      // Refuse a missing template or segment now, in the caller's words, rather than as a failed job.
      getTemplate(db, templateId);
      if (segmentId !== undefined) getSegmentRule(db, segmentId);
      const job = ctx.jobs.start(QA_RUN, (control) => qaInWorkers(db, { templateId, segmentId }, { control }));
      return { jobId: job.id };
    },
    'qa.latest': ({ templateId, segmentId }) => {
      const db = ctx.session.require().db;
      return latestQaReport(db, templateId, segmentId ?? null, getTemplate(db, templateId).source);
    },
    'personas.fromAnalysis': ({ templateId }) => addAnalysisPersonas(ctx.session.require().db, templateId),
  };
}
