import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ColumnMapping, ImportSettings } from '../../../shared/contract/schemas';
import { decideEncodingWith, dialectWith, withColumnChoices } from './choices';
import { nowIso, type Db } from '../db';
import { detectDialect, type Dialect } from './dialect';
import { makeDecoder, type EncodingDecision } from './encoding';
import { abandonImport, dropScratch, successMessage, INTERNAL_FAILURE } from './finish';
import { TrailingLines } from './footer';
import type { ImportContext, ImportEntity } from './pipeline';
import { readRecordsInThread, type AheadLink } from './parse/read-in-thread';
import { aheadPlans, reshapes } from './ahead';
import { readRecords, type CsvRecord } from './records';
import { openSource } from './source';
import { clearScratch, keepRejections, Stager } from './stager';
import { FileProblem, fmt, plural } from './text';

/**
 * One import, start to finish, on one connection: decide the encoding, read
 * records, run them through the entity's steps into staging in short batches,
 * then commit in one final transaction. A cancel, a failure or a crash leaves
 * the entity's tables exactly as before.
 *
 * Failures are data, not exceptions: a file that cannot be imported ends the
 * import as 'failed' with a message naming the file. runImport only throws
 * when the workspace itself cannot be written.
 */

/** A file wider than this is refused before anything is read: nobody mails-merges 2,000 columns. */
export const MAX_COLUMNS = 2000;
/** Rows per staging transaction: each commit of the temp tables writes their dirty pages out, so not too few. */
export const DEFAULT_BATCH_SIZE = 4000;

export interface ImportProgress {
  done: number;
  total: number;
  unit: 'bytes';
  rows: number;
}

/** What an import needs from whoever runs it (a job in-process, or a worker relaying to one). */
export interface ImportControl {
  readonly signal?: AbortSignal;
  progress?(update: ImportProgress): void;
}

export interface RunImportOptions {
  control?: ImportControl;
  /** Rows per staging transaction. */
  batchSize?: number;
  /** The user's choices (import wizard, mapping file), applied at the three decision points below. */
  settings?: ImportSettings;
  /**
   * Parse on a thread of its own (parse/read-in-thread.ts). Off unless asked: measured on the 2-core machine
   * the benchmark shares (README, import.customers), the second thread added 4–7 s of CPU to a 200,000-row
   * import (its own module start-up, packing and unpacking records, its own detectors) and made it slower,
   * not faster, since a neighbour's load leaves no idle core to overlap on.
   */
  parseThread?: boolean;
}

export function createImportRecord(db: Db, kind: string, name: string, file: string): number {
  return Number(
    db
      .prepare(`INSERT INTO imports (kind, file_name, file_path, status, started_at) VALUES (?, ?, ?, 'running', ?)`)
      .run(kind, name, file, nowIso()).lastInsertRowid,
  );
}

/** Counts delimiters outside quotes on the first line of `text`; enough to refuse a very wide file before reading it. */
function columnsOnFirstLine(text: string, { delimiter, newline }: Dialect): number {
  let columns = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === delimiter) columns++;
    else if (!inQuotes && c === newline && text.slice(0, i).trim() !== '') break;
  }
  return columns;
}

const tooWide = (name: string, columns: number, atLeast: boolean): FileProblem =>
  new FileProblem(
    `Cannot import ${name}: it has ${atLeast ? 'at least ' : ''}${fmt(columns)} columns, and Tailor imports at most ${fmt(MAX_COLUMNS)}. ` +
      'Remove the columns you do not need for emails (or split the file into several files that each have the email or id column) and import again.',
  );

export async function runImport<T>(
  db: Db,
  detectedEntity: ImportEntity<T>,
  importId: number,
  file: string,
  name: string,
  options: RunImportOptions = {},
): Promise<void> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const entity = withColumnChoices(detectedEntity, options.settings);
  const control = options.control;
  let rowsRead = 0;
  try {
    const source = openSource(file, name);
    const encoding: EncodingDecision = await decideEncodingWith(source, options.settings);
    const dialect = dialectWith(detectDialect(makeDecoder(encoding.encoding).write(source.sample)), options.settings);
    db.prepare('UPDATE imports SET encoding = ?, encoding_confidence = ? WHERE id = ?').run(encoding.label, encoding.confidence, importId);

    let bytesRead = 0;
    let lines = 0;
    let stager: Stager<T> | null = null;
    let context: ImportContext | null = null;
    let batch: CsvRecord[] = [];
    let leadingBlankLines = 0;
    const trailing = new TrailingLines();
    let cancelled = false;

    /** Report progress and let other work (polling, cancel) run; true when the user cancelled. */
    const checkpoint = async (): Promise<boolean> => {
      rowsRead = (stager?.counters.rowsRead ?? 0) + batch.length;
      control?.progress?.({ done: bytesRead, total: source.size, unit: 'bytes', rows: rowsRead });
      await yieldToEventLoop();
      return control?.signal?.aborted === true;
    };

    const startRows = (header: CsvRecord): void => {
      if (header.problem !== null) {
        throw new FileProblem(`Cannot import ${name}: the header row (line ${header.line}) has a quoted column name that is never closed.`);
      }
      if (header.fields.length > MAX_COLUMNS) throw tooWide(name, header.fields.length, false);
      const base = { db, importId, name, dialect, encoding };
      const mapping: ColumnMapping[] = entity.mapHeader(header.fields, base);
      db.prepare('UPDATE imports SET mapping = ? WHERE id = ?').run(JSON.stringify(mapping), importId);
      const aheadHook: NonNullable<ImportContext['ahead']> = {};
      context = { ...base, mapping, ahead: aheadHook };
      const steps = entity.steps(context);
      stager = new Stager(context, steps);
      stager.skipped(leadingBlankLines);
      // The parse thread does the steps' pure work for the rows it reads from now on (ahead.ts).
      const plans = aheadPlans(steps);
      if (plans !== null) ahead.send?.(plans);
      if (!reshapes(steps)) aheadHook.send = (later) => ahead.send?.(later);
    };

    const firstLine = columnsOnFirstLine(makeDecoder(encoding.encoding).write(source.sample), dialect);
    if (firstLine > MAX_COLUMNS) throw tooWide(name, firstLine, source.size > source.sample.length);

    const ahead: AheadLink = {};
    const events = { onBytes: (done: number) => (bytesRead = done), ahead };
    // On a parse thread, records come in messages of 2,000, or of the batch size the caller asked for.
    const threaded = options.parseThread === true;
    const read = threaded
      ? readRecordsInThread(file, encoding.encoding, dialect, events, options.batchSize)
      : readRecords(file, encoding.encoding, dialect, events);
    reading: for await (const records of read) {
      for (const record of records) {
        lines = Math.max(lines, record.endLine);
        if (stager === null) {
          // Spreadsheets sometimes leave blank lines above the header; the header is the first real line.
          if (record.problem === null && record.fields.every((field) => field.trim() === '')) {
            leadingBlankLines++;
            continue;
          }
          startRows(record);
          continue;
        }
        batch.push(...trailing.push(record));
        if (batch.length >= batchSize) {
          (stager as Stager<T>).flush(batch);
          batch = [];
          if (await checkpoint()) {
            cancelled = true;
            break reading;
          }
        }
      }
      if (await checkpoint()) {
        cancelled = true;
        break;
      }
    }

    const ready = stager as Stager<T> | null;
    const ctx = context as ImportContext | null;
    if (ready === null || ctx === null) {
      throw new FileProblem(
        leadingBlankLines > 0
          ? `Cannot import ${name}: it contains only blank lines, no header row.`
          : `Cannot import ${name}: the file is empty.`,
      );
    }
    if (!cancelled && batch.length > 0) ready.flush(batch);
    if (!cancelled) ready.flush(trailing.end(), true);
    if (!cancelled) rowsRead = ready.counters.rowsRead;
    if (cancelled || control?.signal?.aborted) {
      abandonImport(
        db,
        importId,
        'cancelled',
        `Cancelled after reading ${plural(rowsRead, 'row', 'rows')}; nothing from ${name} was imported.`,
        rowsRead,
      );
      return;
    }

    const counters = ready.counters;
    db.transaction(() => {
      // Before the entity's commit, which may read them (validation counts findings on rejected lines).
      keepRejections(db, importId);
      const result = entity.commit(ctx, counters);
      db.prepare(
        `UPDATE imports SET status = 'succeeded', rows_read = ?, rows_imported = ?, rows_created = ?, rows_updated = ?, rows_warned = ?,
           rows_rejected = ?, rows_skipped = ?, lines_in_file = ?, mapping = ?, message = ?, finished_at = ?,
           rows_unlinked = ?, unlinked_sample = ? WHERE id = ?`,
      ).run(
        counters.rowsRead,
        counters.rowsStaged,
        result.created,
        result.updated,
        result.warned,
        counters.rowsRejected,
        counters.rowsSkipped,
        lines,
        JSON.stringify(ctx.mapping),
        successMessage(counters, result, encoding, entity.wording, ready.skippedFor),
        nowIso(),
        result.unlinked?.count ?? 0,
        JSON.stringify(result.unlinked?.sample ?? []),
        importId,
      );
      clearScratch(db, importId);
      dropScratch(db, importId);
    }).immediate();
  } catch (error) {
    if (error instanceof FileProblem) return abandonImport(db, importId, 'failed', error.message, rowsRead);
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const reason = error instanceof Error ? error.message : String(error);
    if (typeof code === 'string' && code.startsWith('E')) {
      // The file system's own problem (gone, unreadable): the user's to fix, said in its words.
      abandonImport(db, importId, 'failed', `Could not finish reading ${name}: ${reason}. Nothing was imported.`, rowsRead);
      return;
    }
    // Anything else is a bug: the import is marked failed, and the job reports the error under an id, with details in the log.
    abandonImport(db, importId, 'failed', INTERNAL_FAILURE(name), rowsRead);
    throw error;
  }
}
