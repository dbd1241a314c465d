import type { Handlers } from '../../shared/contract/contract';
import { customerFlags } from '../workspace/import/validation/customer-flags';
import { rejectsCsv } from '../workspace/import/validation/rejects-csv';
import { listRules, setRule } from '../workspace/import/validation/rules-repo';
import type { HandlerContext } from './context';

/** Validation rules, rejected rows to fix, and the flags imported customers carry. */
export function validationHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'validation.rules' | 'validation.setRule' | 'imports.rejectsCsv' | 'customers.flags'> {
  return {
    'validation.rules': () => listRules(ctx.session.require().db),
    'validation.setRule': (setting) => setRule(ctx.session.require().db, setting),
    'imports.rejectsCsv': ({ importId }) => rejectsCsv(ctx.session.require().db, importId),
    'customers.flags': ({ customerId }) => customerFlags(ctx.session.require().db, customerId),
  };
}
