import { nowIso, type Db } from '../db';
import type { EncodingDecision } from './encoding';
import type { CommitResult, Counters, EntityWording } from './pipeline';
import { clearScratch } from './stager';
import { fmt, plural } from './text';

/** How an import ends: the imports row's final state and the scratch rows it leaves behind. */

export type Unsuccessful = 'failed' | 'cancelled';

/**
 * Drop everything the import staged, so a failed or cancelled import leaves no trace but its history row.
 *
 * Every write transaction of an import is IMMEDIATE: two connections write to
 * the workspace (the import's worker and the host), and a deferred transaction
 * that has read before writing fails at once with SQLITE_BUSY when the other
 * wrote in between, instead of waiting its turn.
 */
/** What an import's history says when a bug stopped it; the error id is in the job's message and the log. */
export const INTERNAL_FAILURE = (name: string): string => `Import of ${name} failed because of an internal problem. Nothing was imported.`;

export function abandonImport(db: Db, importId: number, status: Unsuccessful, message: string, rowsRead: number): void {
  db.transaction(() => {
    // A worker stopped by a cancel may have committed just before: then the import stands as it ended.
    if (db.prepare('SELECT status FROM imports WHERE id = ?').pluck().get(importId) !== 'running') return;
    db.prepare('DELETE FROM main.import_staging WHERE import_id = ?').run(importId);
    clearScratch(db, importId);
    db.prepare('DELETE FROM import_rejections WHERE import_id = ?').run(importId);
    db.prepare('DELETE FROM import_findings WHERE import_id = ?').run(importId);
    db.prepare('DELETE FROM import_warnings WHERE import_id = ?').run(importId);
    dropScratch(db, importId);
    db.prepare(
      `UPDATE imports SET status = ?, message = ?, finished_at = ?,
         rows_read = ?, rows_imported = 0, rows_created = 0, rows_updated = 0, rows_warned = 0, rows_rejected = 0, rows_skipped = 0
       WHERE id = ?`,
    ).run(status, message, nowIso(), rowsRead, importId);
  }).immediate();
}

/** The duplicate-key scratch table is per connection: it exists only where the import ran. */
export function dropScratch(db: Db, importId: number): void {
  if (db.prepare(`SELECT 1 FROM temp.sqlite_master WHERE name = 'import_keys'`).get() !== undefined) {
    const others = db.prepare('SELECT 1 FROM temp.import_keys WHERE import_id <> ? LIMIT 1').get(importId) !== undefined;
    if (others) db.prepare('DELETE FROM temp.import_keys WHERE import_id = ?').run(importId);
    else db.exec('DELETE FROM temp.import_keys'); // all pages at once rather than row by row
  }
}

/** Rows skipped with a reason: how many, and the first few (a bounded sample, whatever the file size). */
export interface SkippedFor {
  sample: { line: number; reason: string }[];
  count: number;
}

export function successMessage(
  counters: Counters,
  result: CommitResult,
  encoding: EncodingDecision,
  wording: EntityWording = { one: 'customer', many: 'customers', updated: 'updated' },
  skippedFor: SkippedFor = { sample: [], count: 0 },
): string {
  if (counters.rowsRead === 0) {
    return `The file has a header row but no ${wording.one} rows; nothing was imported.`;
  }
  const parts: string[] = [];
  if (counters.rowsStaged === 0) parts.push(`No ${wording.many} were imported.`);
  else {
    parts.push(
      `Imported ${plural(counters.rowsStaged, wording.one, wording.many)} (${result.created.toLocaleString('en-US')} new, ${result.updated.toLocaleString('en-US')} ${wording.updated}).`,
    );
  }
  const unlinked = result.unlinked;
  if (unlinked !== undefined && unlinked.count > 0) {
    const first = unlinked.sample[0];
    const example = first === undefined ? '' : ` (for example "${first.customerKey}" on line ${first.line.toLocaleString('en-US')})`;
    parts.push(
      `${plural(unlinked.count, `${wording.one} names`, `${wording.many} name`)} a customer who is not in this workspace yet${example}; ` +
        `${unlinked.count === 1 ? 'it is' : 'they are'} kept and will attach when that customer is imported.`,
    );
  }
  if (result.attached !== undefined && result.attached > 0) {
    parts.push(`${plural(result.attached, 'earlier order or event', 'earlier orders and events')} now belong to their customers.`);
  }
  if (counters.rowsRejected > 0)
    parts.push(`${plural(counters.rowsRejected, 'row was', 'rows were')} rejected; see the list of rejected rows.`);
  const blank = counters.rowsSkipped - skippedFor.count;
  if (blank > 0) parts.push(`${plural(blank, 'blank line was', 'blank lines were')} skipped.`);
  if (skippedFor.count > 0) {
    const shown = skippedFor.sample.slice(0, 3).map(({ line, reason }) => `line ${line.toLocaleString('en-US')}: ${reason}`);
    const more = skippedFor.count > 3 ? `; and ${fmt(skippedFor.count - 3)} more` : '';
    parts.push(`${plural(skippedFor.count, 'report line was', 'report lines were')} skipped, not imported (${shown.join('; ')}${more}).`);
  }
  if (result.warned > 0) {
    parts.push(
      `${plural(result.warned, 'row kept an existing value', 'rows kept existing values')} that the file would have replaced with garbled text; see the warnings.`,
    );
  }
  if (encoding.encoding !== 'utf-8' && !encoding.encoding.startsWith('utf-16')) {
    parts.push(`The file is not UTF-8, so it was read as ${encoding.label} (${encoding.confidence}% confidence).`);
  }
  if (encoding.invalidSequences > 0) {
    const one = encoding.invalidSequences === 1;
    parts.push(
      `The file is UTF-8 except for ${plural(encoding.invalidSequences, 'byte', 'bytes')}; the ${one ? 'row holding it was' : 'rows holding them were'} rejected.`,
    );
  }
  return parts.join(' ');
}
