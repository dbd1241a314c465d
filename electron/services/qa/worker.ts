import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Liquid } from 'liquidjs';
import type { TokenDictionaryEntry } from '../../../shared/contract/token-schemas';
import type { FieldCatalogue } from '../../../shared/fields/catalogue';
import type { BranchMeta } from '../../../shared/qa/instrument-liquid';
import { recipientChecker, type QaTally, type RecipientChecker } from '../../../shared/qa/recipient-checker';
import { withComputedTokens } from '../../../shared/templates/computed-tokens';
import { customerContext } from '../../../shared/templates/customer-context';
import { createLiquid } from '../../../shared/templates/liquid-engine';
import { partialsFromMap } from '../../../shared/templates/partials';
import { dictionaryValues, withDictionaryValues } from '../../../shared/templates/token-dictionary';
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
  /** The workspace's partials by name and token dictionary, as previews render with them. */
  partials: Record<string, string>;
  dictionary: TokenDictionaryEntry[];
}

export interface QaBatchResult {
  branches: BranchMeta[];
  tally: QaTally;
}

let cached: { key: string; checker: RecipientChecker; liquid: Liquid } | null = null;

/** One engine per email and partials: `render` reads its partial through the engine that parsed the email. */
function checkerFor(task: QaBatchTask): { checker: RecipientChecker; liquid: Liquid } {
  const { html, source, partials } = task;
  const hash = createHash('sha256').update(html).update('\u0000').update(source);
  for (const name of Object.keys(partials).sort())
    hash
      .update('\u0000')
      .update(name)
      .update('\u0000')
      .update(partials[name] ?? '');
  const key = hash.digest('hex');
  if (cached?.key !== key) {
    const liquid = createLiquid({ partials: partialsFromMap(new Map(Object.entries(partials))) });
    cached = { key, liquid, checker: recipientChecker(liquid, { html, source }, (text) => Buffer.byteLength(text, 'utf8')) };
  }
  return cached;
}

export default function qaBatch(task: QaBatchTask): QaBatchResult {
  const { checker, liquid } = checkerFor(task);
  const evaluate = (expression: string, scope: object): string => String(liquid.parseAndRenderSync(expression, scope));
  const db = new Database(task.workspace, { readonly: true, fileMustExist: true });
  try {
    const customers = readRecipients(db, task.rowids);
    const computed = batchComputedTokens(
      db,
      customers.map((customer) => customer.id),
    );
    for (const customer of customers) {
      const typed = withComputedTokens(customerContext(customer, catalogueReader(task.fields, customer.typed)), computed.get(customer.id));
      // Dictionary tokens formatted as previews format them.
      const context = task.dictionary.length ? withDictionaryValues(typed, dictionaryValues(typed, task.dictionary, evaluate)) : typed;
      checker.check(customer.id, context);
    }
    return { branches: [...checker.branches], tally: checker.take() };
  } finally {
    db.close();
  }
}
