import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { FieldCatalogue } from '../../../shared/fields/catalogue';
import type { BranchMeta } from '../../../shared/qa/instrument-liquid';
import { recipientChecker, type QaTally, type RecipientChecker } from '../../../shared/qa/recipient-checker';
import { withComputedTokens } from '../../../shared/templates/computed-tokens';
import { customerContext } from '../../../shared/templates/customer-context';
import { createLiquid } from '../../../shared/templates/liquid-engine';
import { catalogueReader } from '../../../shared/templates/typed-fields';
import { batchComputedTokens, readRecipients } from './read-recipients';

/*
 * Worker-thread entry of bulk QA (a piscina task per batch of recipients).
 * Each task reads its recipients on a read-only connection of its own and
 * renders them with an instrumented parse of the compiled email, kept between
 * tasks of the same email. A cancel terminates the thread; nothing is written.
 */

export interface QaBatchTask {
  workspace: string;
  /** The compiled email (Liquid kept) and the author's source, for positions. */
  html: string;
  source: string;
  fields: FieldCatalogue;
  /** customers.rowid of the recipients in this batch. */
  rowids: number[];
}

export interface QaBatchResult {
  branches: BranchMeta[];
  tally: QaTally;
}

const liquid = createLiquid();
let cached: { key: string; checker: RecipientChecker } | null = null;

function checkerFor(html: string, source: string): RecipientChecker {
  const key = createHash('sha256').update(html).update('\u0000').update(source).digest('hex');
  if (cached?.key !== key) cached = { key, checker: recipientChecker(liquid, { html, source }, (text) => Buffer.byteLength(text, 'utf8')) };
  return cached.checker;
}

export default function qaBatch(task: QaBatchTask): QaBatchResult {
  const checker = checkerFor(task.html, task.source);
  const db = new Database(task.workspace, { readonly: true, fileMustExist: true });
  try {
    const customers = readRecipients(db, task.rowids);
    const computed = batchComputedTokens(
      db,
      customers.map((customer) => customer.id),
    );
    for (const customer of customers) {
      const context = withComputedTokens(
        customerContext(customer, catalogueReader(task.fields, customer.typed)),
        computed.get(customer.id),
      );
      checker.check(customer.id, context);
    }
    return { branches: [...checker.branches], tally: checker.take() };
  } finally {
    db.close();
  }
}
