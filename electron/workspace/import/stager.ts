import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import type { SkippedFor } from './finish';
import { footerLine } from './footer';
import { runSteps, skipFor, type Counters, type ImportContext, type Outcome, type Row, type Step } from './pipeline';
import type { CsvRecord } from './records';
import { trimRaw } from './text';

/**
 * Runs each record through the entity's steps and writes the outcome: staged
 * rows to `import_staging`, rejected ones (line, reason, raw text) to
 * `import_rejected`, both TEMP tables of the importing connection. Temp
 * tables live in a scratch file without WAL or fsync, and they vanish with the
 * connection, so a killed import leaves nothing behind and streaming never
 * takes the workspace's write lock: other connections write freely until the
 * final transaction. The temp `import_staging` shadows the workspace's own
 * (SQLite resolves an unqualified name in temp first), so the committers read
 * it unqualified as before.
 */
/** Skipped rows whose line and reason are kept for the message (it names three). */
export const SKIPPED_SAMPLE = 10;

/** How often the import's row in the workspace gets its running counts. */
const COUNTS_EVERY_MS = 250;

export class Stager<T> {
  readonly counters: Counters = { rowsRead: 0, rowsStaged: 0, rowsRejected: 0, rowsSkipped: 0 };
  /** Lines skipped with a reason (a report's footer, or any step's skipFor): counted, the first few kept. */
  readonly skippedFor: SkippedFor = { sample: [], count: 0 };
  private readonly insertStaging: Statement;
  private readonly insertRejection: Statement;
  private readonly updateCounts: Statement;
  private countsWrittenAt = 0;

  constructor(
    private readonly context: ImportContext,
    private readonly steps: readonly Step<T>[],
  ) {
    const { db } = context;
    ensureScratchTables(db);
    this.insertStaging = db.prepare('INSERT INTO temp.import_staging (import_id, line, record, typed) VALUES (?, ?, ?, ?)');
    this.insertRejection = db.prepare('INSERT INTO temp.import_rejected (import_id, line, reason, raw) VALUES (?, ?, ?, ?)');
    this.updateCounts = db.prepare('UPDATE imports SET rows_read = ?, rows_rejected = ?, rows_skipped = ? WHERE id = ?');
  }

  /** Records that are not rows of data (blank lines above the header) still count, as skipped. */
  skipped(count: number): void {
    this.counters.rowsRead += count;
    this.counters.rowsSkipped += count;
  }

  /** `atEnd`: these are the last records of the file, where footer lines are skipped rather than rejected (footer.ts). */
  flush(records: readonly CsvRecord[], atEnd = false): void {
    // Deferred: only temp tables are written, so the workspace's write lock is not taken.
    this.context.db.transaction(() => {
      for (const record of records) this.stage(record, atEnd);
    })();
    // The import's row in the workspace shows how far it got (imports list, another window); a few times a second is enough.
    const now = performance.now();
    if (now - this.countsWrittenAt >= COUNTS_EVERY_MS) {
      this.countsWrittenAt = now;
      const c = this.counters;
      this.updateCounts.run(c.rowsRead, c.rowsRejected, c.rowsSkipped, this.context.importId);
    }
  }

  private stage(record: CsvRecord, atEnd: boolean): void {
    const c = this.counters;
    c.rowsRead++;
    const row: Row<T> = { record, value: null };
    const footer = atEnd ? footerLine(record.fields) : null;
    let outcome: Outcome = footer?.certain ? skipFor(footer.reason) : runSteps(this.steps, row);
    if (footer !== null && outcome.kind === 'reject') outcome = skipFor(footer.reason);
    if (outcome.kind === 'reject') {
      c.rowsRejected++;
      this.insertRejection.run(this.context.importId, record.line, outcome.reason, trimRaw(record.text));
    } else if (outcome.kind === 'skip') {
      c.rowsSkipped++;
      if (outcome.reason !== undefined) {
        this.skippedFor.count++;
        if (this.skippedFor.sample.length < SKIPPED_SAMPLE) this.skippedFor.sample.push({ line: record.line, reason: outcome.reason });
      }
    } else {
      c.rowsStaged++;
      this.insertStaging.run(this.context.importId, record.line, JSON.stringify(row.value), row.typed ?? null);
    }
  }
}

/**
 * The importing connection's scratch tables. `import_staging` keeps the
 * workspace table's columns (import_id, line, record JSON) so committers read
 * it unchanged, plus `typed`, the row's typed values when computed while
 * streaming (Row.typed); its key makes `ORDER BY line` an index walk.
 */
export function ensureScratchTables(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS import_staging (
      import_id INTEGER NOT NULL, line INTEGER NOT NULL, record TEXT NOT NULL, typed TEXT, PRIMARY KEY (import_id, line));
    CREATE TEMP TABLE IF NOT EXISTS import_rejected (
      import_id INTEGER NOT NULL, line INTEGER NOT NULL, reason TEXT NOT NULL, raw TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS import_found (
      import_id INTEGER NOT NULL, line INTEGER NOT NULL, rule TEXT NOT NULL, action TEXT NOT NULL, message TEXT NOT NULL, suggestion TEXT);`);
}

/** In the final transaction: the import's rejections and validation findings join the workspace's. */
export function keepRejections(db: Db, importId: number): void {
  db.prepare(
    `INSERT INTO main.import_rejections (import_id, line, reason, raw)
     SELECT import_id, line, reason, raw FROM temp.import_rejected WHERE import_id = ? ORDER BY rowid`,
  ).run(importId);
  db.prepare(
    `INSERT INTO main.import_findings (import_id, line, rule, action, message, suggestion)
     SELECT import_id, line, rule, action, message, suggestion FROM temp.import_found WHERE import_id = ? ORDER BY rowid`,
  ).run(importId);
}

/** Empty this import's scratch rows (the tables stay for the connection's next import). */
export function clearScratch(db: Db, importId: number): void {
  if (db.prepare(`SELECT 1 FROM temp.sqlite_master WHERE name = 'import_staging'`).get() === undefined) return;
  for (const table of ['temp.import_staging', 'temp.import_rejected', 'temp.import_found']) {
    // Usually the only import on this connection: a DELETE without WHERE drops the pages at once instead of row by row.
    const others = db.prepare(`SELECT 1 FROM ${table} WHERE import_id <> ? LIMIT 1`).get(importId) !== undefined;
    if (others) db.prepare(`DELETE FROM ${table} WHERE import_id = ?`).run(importId);
    else db.exec(`DELETE FROM ${table}`);
  }
}
