import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { IMPORT_JOBS, type JobControl } from '../services/jobs';
import { findCustomer, listCustomers, listFields } from '../workspace/customers-repo';
import { importInWorker } from '../workspace/import';
import { rememberMapping } from '../workspace/import/remember-mapping';
import { listImports, listRejections } from '../workspace/imports-repo';
import { andFilters, FLAGGED_FILTER } from '../workspace/import/validation/customer-flags';
import { ruleFilter, segmentFilter } from '../workspace/segments-repo';
import type { HandlerContext } from './context';

export function dataHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'customers.list'
  | 'customers.get'
  | 'customers.fields'
  | 'imports.start'
  | 'imports.list'
  | 'imports.rejections'
  | 'jobs.get'
  | 'jobs.cancel'
> {
  return {
    'customers.list': ({ offset, limit, search, segmentId, rule, asOf, flaggedOnly, sort, filters, withTotal }) => {
      const { db } = ctx.session.require();
      // An unsaved rule at the as-of date (today when omitted); a saved segment as it is kept (static: its snapshot).
      const segment =
        rule !== undefined ? ruleFilter(db, rule, asOf) : segmentId === undefined ? undefined : segmentFilter(db, segmentId, asOf);
      const filter = flaggedOnly ? andFilters(segment, FLAGGED_FILTER) : segment;
      // The grid's column filters are conditions like a segment's, compared by type the same way.
      const columnFilters = filters?.length ? [ruleFilter(db, { match: 'all', conditions: filters })] : [];
      return listCustomers(db, { offset, limit, search, filter, filters: columnFilters, sort, withTotal });
    },
    'customers.get': ({ idOrEmail }) => findCustomer(ctx.session.require().db, idOrEmail),
    'customers.fields': () => listFields(ctx.session.require().db),

    'imports.start': ({ path: file, displayName, entity, settings, policy }) => {
      const { db } = ctx.session.require();
      if (policy !== undefined && entity !== 'customers') {
        throw new ContractError(
          'invalid_input',
          `A re-import policy applies to customers only: orders are updated by order id and events are never changed.`,
        );
      }
      const resolved = path.resolve(file);
      // Fail fast on a path that is not there, so the user sees it at once rather than as a failed job.
      if (!fs.existsSync(resolved)) {
        throw new ContractError('bad_file', `${resolved}: file not found. Check the path and try again.`);
      }
      const run = (control: JobControl) =>
        importInWorker(db, entity, resolved, { displayName, control, settings, policy })
          .then((report) => {
            rememberMapping(db, entity, report, settings);
            return report;
          })
          .finally(() => ctx.uploads.discard(resolved));
      // One path; the kind (import.customers / .orders / .events) says what changed when it ends.
      const job =
        entity === 'orders'
          ? ctx.jobs.start(IMPORT_JOBS.orders, run)
          : entity === 'events'
            ? ctx.jobs.start(IMPORT_JOBS.events, run)
            : ctx.jobs.start(IMPORT_JOBS.customers, run);
      return { jobId: job.id };
    },
    'imports.list': () => listImports(ctx.session.require().db),
    'imports.rejections': ({ importId, offset, limit }) => listRejections(ctx.session.require().db, importId, offset, limit),

    'jobs.get': ({ jobId }) => ctx.jobs.get(jobId),
    'jobs.cancel': ({ jobId }) => ctx.jobs.cancel(jobId),
  };
}
