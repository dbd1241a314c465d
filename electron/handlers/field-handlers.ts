import type { Handlers } from '../../shared/contract/contract';
import type { JobKindSpec } from '../services/jobs';
import { plannedTyping, retypeField } from '../workspace/retype-field';
import type { HandlerContext } from './context';

/** Re-typing a field: progress in customers, and the customers' data (fields, lists, segment counts) changes. */
export const RETYPE_FIELD: JobKindSpec<'fields.retype'> = {
  kind: 'fields.retype',
  unit: 'rows',
  outcome: (report) => ({ status: report.status, message: report.message }),
  changes: ['customers'],
};

export function fieldHandlers(ctx: HandlerContext): Pick<Handlers, 'customers.setFieldType'> {
  return {
    'customers.setFieldType': (request) => {
      const { db } = ctx.session.require();
      // A field that does not exist or a type a built-in field cannot take is refused now, not as a failed job.
      plannedTyping(db, request);
      const job = ctx.jobs.start(RETYPE_FIELD, (control) => retypeField(db, request, control));
      return { jobId: job.id };
    },
  };
}
