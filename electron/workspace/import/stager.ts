import type { Statement } from 'better-sqlite3';
import { footerLine } from './footer';
import { runSteps, skipFor, type Counters, type ImportContext, type Outcome, type Step } from './pipeline';
import type { CsvRecord } from './records';
import { trimRaw } from './text';

/**
 * Runs each record through the entity's steps and writes the outcome:
 * staged rows to `import_staging`, rejected ones (line, reason, raw text) to
 * `import_rejections`, in one short transaction per batch so the workspace
 * stays responsive to other connections between batches.
 */
export class Stager<T> {
  readonly counters: Counters = { rowsRead: 0, rowsStaged: 0, rowsRejected: 0, rowsSkipped: 0 };
  /** Lines skipped with a reason (a report's footer), at most MAX_TRAILING_LINES + 1. */
  readonly skippedFor: { line: number; reason: string }[] = [];
  private readonly insertStaging: Statement;
  private readonly insertRejection: Statement;
  private readonly updateCounts: Statement;

  constructor(
    private readonly context: ImportContext,
    private readonly steps: readonly Step<T>[],
  ) {
    const { db } = context;
    this.insertStaging = db.prepare('INSERT INTO import_staging (import_id, line, record) VALUES (?, ?, ?)');
    this.insertRejection = db.prepare('INSERT INTO import_rejections (import_id, line, reason, raw) VALUES (?, ?, ?, ?)');
    this.updateCounts = db.prepare('UPDATE imports SET rows_read = ?, rows_rejected = ?, rows_skipped = ? WHERE id = ?');
  }

  /** Records that are not rows of data (blank lines above the header) still count, as skipped. */
  skipped(count: number): void {
    this.counters.rowsRead += count;
    this.counters.rowsSkipped += count;
  }

  /** `atEnd`: these are the last records of the file, where footer lines are skipped rather than rejected (footer.ts). */
  flush(records: readonly CsvRecord[], atEnd = false): void {
    const { db, importId } = this.context;
    db.transaction(() => {
      for (const record of records) this.stage(record, atEnd);
      const c = this.counters;
      this.updateCounts.run(c.rowsRead, c.rowsRejected, c.rowsSkipped, importId);
    }).immediate();
  }

  private stage(record: CsvRecord, atEnd: boolean): void {
    const c = this.counters;
    c.rowsRead++;
    const row = { record, value: null as T | null };
    const footer = atEnd ? footerLine(record.fields) : null;
    let outcome: Outcome = footer?.certain ? skipFor(footer.reason) : runSteps(this.steps, row);
    if (footer !== null && outcome.kind === 'reject') outcome = skipFor(footer.reason);
    if (outcome.kind === 'reject') {
      c.rowsRejected++;
      this.insertRejection.run(this.context.importId, record.line, outcome.reason, trimRaw(record.text));
    } else if (outcome.kind === 'skip') {
      c.rowsSkipped++;
      if (outcome.reason !== undefined) this.skippedFor.push({ line: record.line, reason: outcome.reason });
    } else {
      c.rowsStaged++;
      this.insertStaging.run(this.context.importId, record.line, JSON.stringify(row.value));
    }
  }
}
