import { ContractError } from '../../shared/contract/envelope';
import type { RetypeReport } from '../../shared/contract/schemas';
import { isCanonicalKey } from '../../shared/fields/canonical';
import type { TypedField } from '../../shared/fields/catalogue';
import { DEFAULT_CONTEXT, type FieldType, ParseContext } from '../../shared/fields/types';
import { canonicalFieldTypes, storedTyping, type StoredFieldType } from './customers-repo';
import type { Db } from './db';
import { retypeFieldSet, type RetypeTally } from './typed-values';
import { noteWrite } from './write-generation';

/**
 * Changing a field's type: the field's catalogue entry changes, and every
 * stored typed value of the field is re-read from its text under the new
 * type, a slice of customers (by rowid) at a time, each slice its own short
 * transaction, yielding between slices so the host keeps serving calls.
 * A slice is a time budget, not a row count: how fast values parse depends on
 * the type (a phone costs far more than a boolean), on how often they repeat
 * and on the machine's load, so a fixed count either blocks the host for
 * seconds or yields needlessly often. Values the new type cannot read stay
 * text; they are counted, a few are kept as examples, and the field carries a
 * warning saying so. Cancelled midway, the old type is put back and the rows
 * done are read again with it, so the workspace is never left half re-typed.
 */

/** How long one slice may hold the host thread before it commits and yields. */
export const RETYPE_BUDGET_MS = 50;
/**
 * Rowids one statement re-reads, the step at which a slice checks its budget:
 * small enough that a slice overshoots by a few milliseconds at most, large
 * enough that the per-statement cost does not show.
 */
export const RETYPE_CHUNK = 1_000;

/** Slicing knobs; tests pass a small chunk and their own clock. */
export interface RetypeTuning {
  budgetMs?: number;
  chunk?: number;
  now?: () => number;
}

export interface RetypeRequest {
  key: string;
  type: FieldType;
  locale?: Partial<ParseContext>;
}

interface Before {
  row: StoredFieldType;
  typed: TypedField | null;
  canonical: boolean;
}

function currentTyping(db: Db, key: string): Before {
  if (isCanonicalKey(key)) {
    const row = canonicalFieldTypes(db).get(key);
    if (!row) throw new ContractError('not_found', `No field "${key}".`);
    return { row, typed: storedTyping(row), canonical: true };
  }
  const row = db.prepare('SELECT type, locale, warning FROM customer_fields WHERE key = ?').get(key) as StoredFieldType | undefined;
  if (!row) throw new ContractError('not_found', `No field "${key}" in this workspace. Pick one of its fields.`);
  return { row, typed: storedTyping(row), canonical: false };
}

function writeTyping(db: Db, key: string, canonical: boolean, type: string, locale: string | null, warning: string | null): void {
  if (canonical) db.prepare('UPDATE canonical_field_types SET locale = ?, warning = ? WHERE key = ?').run(locale, warning, key);
  else db.prepare('UPDATE customer_fields SET type = ?, locale = ?, warning = ? WHERE key = ?').run(type, locale, warning, key);
  // Segment rules compile by the field's type and match its typed values: caches of either are stale now. The
  // last call, after every slice, is what a cache filled while the values were being re-read waits for.
  noteWrite(db);
}

/** Check the request and work out the new typing; throws what the user has to fix. */
export function plannedTyping(db: Db, { key, type, locale }: RetypeRequest): { before: Before; after: TypedField } {
  const before = currentTyping(db, key);
  if (before.canonical && before.row.type !== type) {
    throw new ContractError(
      'invalid_input',
      `"${key}" is a built-in field of type ${before.row.type}; its type cannot change (its locale can). Import the values into a custom column to type them otherwise.`,
    );
  }
  const context = ParseContext.safeParse({ ...DEFAULT_CONTEXT, ...(before.typed?.context ?? {}), ...(locale ?? {}) });
  if (!context.success) throw new ContractError('invalid_input', `That locale is not one Tailor can read values with.`);
  return { before, after: { type, context: context.data } };
}

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function retypeField(
  db: Db,
  request: RetypeRequest,
  control: { signal: AbortSignal; progress(update: { done?: number; total?: number | null; rows?: number }): void },
  { budgetMs = RETYPE_BUDGET_MS, chunk = RETYPE_CHUNK, now = performance.now.bind(performance) }: RetypeTuning = {},
): Promise<RetypeReport> {
  const { before, after } = plannedTyping(db, request);
  const { key } = request;
  const maxRowid = (db.prepare('SELECT max(rowid) FROM customers').pluck().get() as number | null) ?? 0;
  const tally: RetypeTally = { parsed: 0, failed: 0, examples: [] };
  writeTyping(db, key, before.canonical, after.type, JSON.stringify(after.context), null);
  /** One slice: chunks from rowid `from` in one transaction until the budget is spent or `until` is reached; returns where it stopped. */
  const slice = (from: number, until: number, field: TypedField | null, into: RetypeTally): number =>
    db.transaction(() => {
      const started = now();
      let at = from;
      do {
        const to = Math.min(until, at + chunk);
        retypeFieldSet(db, key, field, 'customers.rowid > ? AND customers.rowid <= ?', [at, to], into);
        at = to;
      } while (at < until && now() - started < budgetMs);
      return at;
    })();
  let done = 0;
  control.progress({ done: 0, total: maxRowid, rows: 0 });
  while (done < maxRowid) {
    if (control.signal.aborted) {
      writeTyping(db, key, before.canonical, before.row.type, before.row.locale, before.row.warning);
      const ignored: RetypeTally = { parsed: 0, failed: 0, examples: [] };
      // Putting the old typing back is the same work, sliced the same way.
      for (let at = 0; at < done;) {
        at = slice(at, done, before.typed, ignored);
        await yieldToHost();
      }
      return {
        key,
        type: after.type,
        status: 'cancelled',
        parsed: 0,
        failed: 0,
        examples: [],
        message: `"${key}" keeps its type; nothing changed.`,
      };
    }
    done = slice(done, maxRowid, after, tally);
    control.progress({ done, rows: tally.parsed + tally.failed });
    await yieldToHost();
  }
  const warning =
    tally.failed === 0
      ? null
      : `${tally.failed.toLocaleString('en')} value${tally.failed === 1 ? '' : 's'} did not read as ${after.type} and stay text (e.g. "${tally.examples[0]?.text ?? ''}").`;
  writeTyping(db, key, before.canonical, after.type, JSON.stringify(after.context), warning);
  return {
    key,
    type: after.type,
    status: 'succeeded',
    parsed: tally.parsed,
    failed: tally.failed,
    examples: tally.examples,
    message: warning ?? `Every value of "${key}" reads as ${after.type}.`,
  };
}
