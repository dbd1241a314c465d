import type { Handlers } from '../../shared/contract/contract';
import { AUDIT_RUN } from '../services/jobs';
import { auditInWorker } from '../workspace/audit/audit-in-worker';
import { latestAuditReport } from '../workspace/audit/audit-repo';
import type { HandlerContext } from './context';

export function auditHandlers(ctx: HandlerContext): Pick<Handlers, 'audit.start' | 'audit.latest'> {
  return {
    'audit.start': () => {
      const { db } = ctx.session.require();
      const job = ctx.jobs.start(AUDIT_RUN, (control) => auditInWorker(db, { control }));
      return { jobId: job.id };
    },
    'audit.latest': () => latestAuditReport(ctx.session.require().db),
  };
}
