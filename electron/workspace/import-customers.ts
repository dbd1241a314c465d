import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { TextDecoder } from 'node:util';
import type { Statement } from 'better-sqlite3';
import Papa, { type ParseStepResult } from 'papaparse';
import { z } from 'zod';
import type { ColumnMapping, ImportReport } from '../../shared/contract/schemas';
import { hasIdentityColumn, isCanonicalKey, mapHeaders, type CanonicalKey } from '../../shared/fields/canonical';
import type { JobControl } from '../services/jobs';
import { nowIso, type Db } from './db';
import { getImportReport, REPORT_REJECTION_SAMPLE } from './imports-repo';

/**
 * Customer CSV import: streamed, cancellable, all-or-nothing.
 *
 * The file is read in chunks and parsed with papaparse's low-level Parser, so
 * memory stays flat whatever the file size. Parsed rows go to `import_staging`
 * (and bad ones to `import_rejections`) in short per-batch transactions, which
 * keeps the workspace responsive for other requests between batches.
 * `customers` is touched only by one final transaction that upserts the staged
 * rows, so a cancel, a failure or a crash leaves customers exactly as before.
 *
 * Failures are data, not exceptions: a file that cannot be imported (missing,
 * a folder, empty, binary, no id/email column, unreadable) is recorded as a
 * 'failed' import so it shows in the history, and the returned report carries
 * status 'failed' and a message naming the file. importCustomers only throws
 * when the workspace itself cannot be written.
 */

/** How many rejections the returned report lists inline (the rest: imports.rejections). */
export const IMPORT_REPORT_REJECTION_SAMPLE = REPORT_REJECTION_SAMPLE;

export interface ImportCustomersOptions {
  /** Name recorded and shown for the file; browser uploads arrive under a temporary path. */
  displayName?: string;
  control?: JobControl;
  /** Rows per staging transaction. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 1000;
const READ_CHUNK_BYTES = 256 * 1024;
/** Enough to recognise binary content and the header line without reading the file. */
const SNIFF_BYTES = 64 * 1024;
/** No real customer row is this long; it means a quote was opened and never closed. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;
/** Rejected rows are kept verbatim up to this length, enough to see what is wrong. */
const MAX_RAW_CHARS = 10_000;
const DELIMITERS = [',', ';', '\t', '|'] as const;
type Delimiter = (typeof DELIMITERS)[number];

const emailSchema = z.email();

/** A problem with the file as a whole: nothing is imported and the message says why. */
class FileProblem extends Error {}

// ---------------------------------------------------------------------------
// Reading: bytes → text → records with their physical line numbers

interface Dialect {
  encoding: string;
  delimiter: Delimiter;
  /** '\n' also handles CRLF: the stray '\r' is trimmed from the last field. */
  newline: '\n' | '\r';
}

interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  /** Last physical line of the record (differs from `line` when a quoted value spans lines). */
  endLine: number;
  fields: string[];
  /** Source text of the record, line break included. */
  text: string;
  quoteError: 'unclosed' | 'malformed' | 'too_long' | null;
}

function inspectFile(file: string, name: string): { size: number; sample: Buffer } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileProblem(`Cannot import ${name}: there is no file at ${file}. Check the path and try again.`);
    if (code === 'EACCES' || code === 'EPERM') throw new FileProblem(`Cannot import ${name}: Tailor is not allowed to read ${file}.`);
    throw new FileProblem(`Cannot import ${name}: ${(error as Error).message}`);
  }
  if (stat.isDirectory()) throw new FileProblem(`Cannot import ${name}: ${file} is a folder. Pick a .csv file inside it.`);
  if (!stat.isFile()) throw new FileProblem(`Cannot import ${name}: ${file} is not a regular file.`);
  if (stat.size === 0) throw new FileProblem(`Cannot import ${name}: the file is empty.`);
  const fd = fs.openSync(file, 'r');
  try {
    const sample = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
    const n = fs.readSync(fd, sample, 0, sample.length, 0);
    return { size: stat.size, sample: sample.subarray(0, n) };
  } finally {
    fs.closeSync(fd);
  }
}

function detectEncoding(sample: Buffer, name: string): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  // Excel's "Unicode Text" export: UTF-16 with a BOM (and NUL bytes, so check before the binary test).
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  if (sample.includes(0)) {
    const workbook = sample[0] === 0x50 && sample[1] === 0x4b; // "PK": .xlsx / .ods are zip archives
    throw new FileProblem(
      `Cannot import ${name}: it looks like a ${workbook ? 'spreadsheet workbook' : 'spreadsheet or binary file'}, not text. ` +
        'Open it in your spreadsheet app and export it as CSV (UTF-8).',
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    // Not UTF-8: most likely a CSV saved by Excel on Windows in the ANSI code page.
    return 'windows-1252';
  }
}

const hasUtf8Bom = (sample: Buffer): boolean => sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;

/** One streaming pass with a strict decoder: false at the first byte sequence that is not UTF-8. */
async function isUtf8Throughout(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

function makeDecoder(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding); // strips a leading BOM
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Delimiter and line break from the first non-blank line, outside quotes. */
function detectDialect(text: string, encoding: string): Dialect {
  const newline = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  const counts = new Map<Delimiter, number>();
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') {
      inQuotes = !inQuotes; // a doubled quote toggles twice
      content = true;
    } else if (inQuotes) {
      continue;
    } else if (c === newline) {
      if (content) break;
      counts.clear();
    } else if ((DELIMITERS as readonly string[]).includes(c)) {
      counts.set(c as Delimiter, (counts.get(c as Delimiter) ?? 0) + 1);
    } else if (c.trim() !== '') {
      content = true;
    }
  }
  let delimiter: Delimiter = ',';
  for (const candidate of DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = candidate;
  }
  return { encoding, delimiter, newline };
}

function countLineBreaks(text: string, newline: '\n' | '\r'): number {
  let n = 0;
  for (let i = text.indexOf(newline); i !== -1; i = text.indexOf(newline, i + 1)) n++;
  return n;
}

function trimRaw(text: string): string {
  const raw = text.replace(/\r?\n$|\r$/, '');
  return raw.length > MAX_RAW_CHARS ? `${raw.slice(0, MAX_RAW_CHARS)}… (${raw.length - MAX_RAW_CHARS} more characters)` : raw;
}

/**
 * Records of the file, a chunk's worth at a time. Each chunk is parsed up to
 * its last complete record; the incomplete tail is carried into the next
 * parse, exactly as papaparse's own streamers do, but keeping the source text
 * so every record knows its starting line and raw text.
 */
async function* readRecords(file: string, dialect: Dialect, onBytes: (bytes: number) => void): AsyncGenerator<CsvRecord[]> {
  const stream = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  const decoder = makeDecoder(dialect.encoding);
  let pending = '';
  let line = 1;

  const parse = (input: string, final: boolean): CsvRecord[] => {
    const records: CsvRecord[] = [];
    let start = 0;
    const parser = new Papa.Parser({
      delimiter: dialect.delimiter,
      newline: dialect.newline,
      quoteChar: '"',
      step: (result: ParseStepResult<string[][]>) => {
        const end = result.meta.cursor;
        if (end === start) return; // the empty "row" after a final line break
        const text = input.slice(start, end);
        const breaks = countLineBreaks(text, dialect.newline);
        const endsWithBreak = text.endsWith(dialect.newline);
        const codes = new Set(result.errors.map((error) => error.code));
        records.push({
          line,
          endLine: line + breaks - (endsWithBreak ? 1 : 0),
          fields: result.data[0] ?? [],
          text,
          quoteError: codes.has('MissingQuotes') ? 'unclosed' : codes.has('InvalidQuotes') ? 'malformed' : null,
        });
        line += breaks;
        start = end;
      },
    });
    parser.parse(input, 0, !final);
    pending = input.slice(start);
    return records;
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      const records = parse(pending + decoder.decode(chunk, { stream: true }), false);
      if (pending.length > MAX_RECORD_CHARS) {
        // Re-parsing an ever-growing tail would be quadratic, and its end is the end of the file anyway.
        records.push({ line, endLine: line, fields: [], text: pending, quoteError: 'too_long' });
        yield records;
        return;
      }
      yield records;
    }
    yield parse(pending + decoder.decode(), true);
  } finally {
    stream.destroy();
  }
}

// ---------------------------------------------------------------------------
// Validating and staging

type StagedRecord = Partial<Record<CanonicalKey, string>> & {
  derived_id?: string;
  attributes: Record<string, string>;
};

interface Counters {
  rowsRead: number;
  rowsStaged: number;
  rowsRejected: number;
  rowsSkipped: number;
}

const isBlank = (fields: readonly string[]): boolean => fields.every((field) => field.trim() === '');

/** Stable id for a customer known only by email, so re-imports find the same row. */
const derivedId = (email: string): string => `cus_${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16)}`;

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

const fmt = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string): string => `${fmt(n)} ${n === 1 ? one : many}`;

function quoteProblem(record: CsvRecord): string {
  switch (record.quoteError) {
    case 'unclosed':
      return record.endLine > record.line
        ? `a quoted value that starts on this line is never closed, so lines ${fmt(record.line)}–${fmt(record.endLine)} were read as one row; add the missing closing quote (")`
        : 'a quoted value is never closed; add the missing closing quote (")';
    case 'too_long':
      return `a quoted value that starts on this line runs for more than ${MAX_RECORD_CHARS / (1024 * 1024)} MB without a closing quote, so the rest of the file could not be read; add the missing closing quote (")`;
    case 'malformed':
      return `a quote (") inside a quoted value is not doubled${record.endLine > record.line ? `, so the value runs on to line ${fmt(record.endLine)}` : ''}; write "" for a literal quote inside quotes`;
    case null:
      return '';
  }
}

class Stager {
  readonly counters: Counters = { rowsRead: 0, rowsStaged: 0, rowsRejected: 0, rowsSkipped: 0 };
  private readonly insertStaging: Statement;
  private readonly insertRejection: Statement;
  private readonly claimOne: Statement;
  private readonly claimTwo: Statement;
  private readonly findKey: Statement;
  private readonly releaseKey: Statement;
  private readonly updateCounts: Statement;
  private readonly columns: { index: number; key: string; canonical: CanonicalKey | null }[];

  constructor(
    private readonly db: Db,
    private readonly importId: number,
    mapping: readonly ColumnMapping[],
    private readonly delimiter: Delimiter,
  ) {
    this.insertStaging = db.prepare('INSERT INTO import_staging (import_id, line, record) VALUES (?, ?, ?)');
    this.insertRejection = db.prepare('INSERT INTO import_rejections (import_id, line, reason, raw) VALUES (?, ?, ?, ?)');
    const claim = 'INSERT INTO temp.import_keys (import_id, key, line) VALUES';
    this.claimOne = db.prepare(`${claim} (?, ?, ?) ON CONFLICT DO NOTHING`);
    this.claimTwo = db.prepare(`${claim} (?, ?, ?), (?, ?, ?) ON CONFLICT DO NOTHING`);
    this.findKey = db.prepare('SELECT line FROM temp.import_keys WHERE import_id = ? AND key = ?').pluck();
    this.releaseKey = db.prepare('DELETE FROM temp.import_keys WHERE import_id = ? AND key = ? AND line = ?');
    this.updateCounts = db.prepare('UPDATE imports SET rows_read = ?, rows_rejected = ?, rows_skipped = ? WHERE id = ?');
    this.columns = mapping.map((column, index) => ({
      index,
      key: column.key,
      canonical: column.kind === 'canonical' && isCanonicalKey(column.key) ? column.key : null,
    }));
  }

  /** Validate and stage one batch in a single short transaction. */
  flush(records: readonly CsvRecord[]): void {
    this.db.transaction(() => {
      for (const record of records) this.stage(record);
      const c = this.counters;
      this.updateCounts.run(c.rowsRead, c.rowsRejected, c.rowsSkipped, this.importId);
    })();
  }

  private reject(record: CsvRecord, reason: string): void {
    this.counters.rowsRejected++;
    this.insertRejection.run(this.importId, record.line, reason, trimRaw(record.text));
  }

  /**
   * Record the row's id and email keys for duplicate detection; on a clash,
   * undo the claim and return the earlier row's line and which key clashed.
   * Claim-first keeps the common, duplicate-free row at one statement.
   */
  private claimKeys(keys: readonly { kind: 'id' | 'email'; key: string }[], line: number): { kind: 'id' | 'email'; line: number } | null {
    const id = this.importId;
    const [first, second] = keys;
    if (first === undefined) return null;
    const claimed =
      second === undefined
        ? this.claimOne.run(id, first.key, line).changes
        : this.claimTwo.run(id, first.key, line, id, second.key, line).changes;
    if (claimed === keys.length) return null;
    let clash: { kind: 'id' | 'email'; line: number } | null = null;
    for (const { kind, key } of keys) {
      const owner = this.findKey.get(id, key) as number;
      if (owner !== line) clash ??= { kind, line: owner };
      else this.releaseKey.run(id, key, line);
    }
    return clash;
  }

  private stage(record: CsvRecord): void {
    this.counters.rowsRead++;
    if (record.quoteError !== null) return this.reject(record, quoteProblem(record));
    const { fields } = record;
    if (isBlank(fields)) {
      this.counters.rowsSkipped++;
      return;
    }
    const expected = this.columns.length;
    if (fields.length < expected) {
      return this.reject(
        record,
        `${plural(fields.length, 'field', 'fields')}, but the header has ${fmt(expected)}; a value is missing or the row is cut short`,
      );
    }
    // Extra empty cells at the end (a trailing delimiter) lose nothing, so they are tolerated.
    if (fields.length > expected && !isBlank(fields.slice(expected))) {
      const name = DELIMITER_NAMES[this.delimiter];
      return this.reject(
        record,
        `${plural(fields.length, 'field', 'fields')}, but the header has ${fmt(expected)}; check for an unquoted ${name} in a value (put values containing a ${name} in double quotes)`,
      );
    }

    const staged: StagedRecord = { attributes: {} };
    for (const column of this.columns) {
      const value = (fields[column.index] ?? '').trim();
      if (value === '') continue;
      if (column.canonical) staged[column.canonical] = value;
      else staged.attributes[column.key] = value;
    }

    const { id, email } = staged;
    if (email !== undefined && !emailSchema.safeParse(email).success) {
      return this.reject(
        record,
        `"${email}" is not a valid email address; correct it${id === undefined ? '' : ' or leave the cell empty'}`,
      );
    }
    if (id === undefined && email === undefined) {
      return this.reject(record, 'no id and no email; fill in at least one so the customer can be identified');
    }
    const keys: { kind: 'id' | 'email'; key: string }[] = [];
    if (id !== undefined) keys.push({ kind: 'id', key: `id:${id}` });
    if (email !== undefined) keys.push({ kind: 'email', key: `email:${email.toLowerCase()}` });
    const clash = this.claimKeys(keys, record.line);
    if (clash !== null) {
      const value = clash.kind === 'id' ? id : email;
      return this.reject(
        record,
        `duplicate ${clash.kind} "${value}": same ${clash.kind} as line ${fmt(clash.line)}; keep one of the two rows`,
      );
    }
    if (id === undefined && email !== undefined) staged.derived_id = derivedId(email);

    this.insertStaging.run(this.importId, record.line, JSON.stringify(staged));
    this.counters.rowsStaged++;
  }
}

// ---------------------------------------------------------------------------
// The import

const UPSERT_STAGED = `
  INSERT INTO customers (id, email, first_name, last_name, phone, birth_date, gender, city, country,
                         attributes, import_id, created_at, updated_at)
  SELECT
    coalesce(
      r ->> '$.id',
      (SELECT c.id FROM customers c WHERE c.email = (r ->> '$.email') COLLATE NOCASE ORDER BY c.created_at, c.id LIMIT 1),
      r ->> '$.derived_id'
    ),
    r ->> '$.email', r ->> '$.first_name', r ->> '$.last_name', r ->> '$.phone',
    r ->> '$.birth_date', r ->> '$.gender', r ->> '$.city', r ->> '$.country',
    r -> '$.attributes', @importId, @now, @now
  FROM (SELECT record AS r FROM import_staging WHERE import_id = @importId ORDER BY line)
  WHERE true
  ON CONFLICT (id) DO UPDATE SET
    email      = coalesce(excluded.email, email),
    first_name = coalesce(excluded.first_name, first_name),
    last_name  = coalesce(excluded.last_name, last_name),
    phone      = coalesce(excluded.phone, phone),
    birth_date = coalesce(excluded.birth_date, birth_date),
    gender     = coalesce(excluded.gender, gender),
    city       = coalesce(excluded.city, city),
    country    = coalesce(excluded.country, country),
    attributes = json_patch(attributes, excluded.attributes),
    import_id  = excluded.import_id,
    updated_at = excluded.updated_at
`;

function ensureKeyTable(db: Db): void {
  // Per-connection scratch space for duplicate detection: bounded memory, gone after a crash.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_keys (
    import_id INTEGER NOT NULL, key TEXT NOT NULL, line INTEGER NOT NULL,
    PRIMARY KEY (import_id, key)
  ) WITHOUT ROWID`);
}

function successMessage(counters: Counters, created: number, encoding: string, headerOnly: boolean): string {
  if (headerOnly) return 'The file has a header row but no customer rows; nothing was imported.';
  const parts: string[] = [];
  if (counters.rowsStaged === 0) parts.push('No customers were imported.');
  else {
    const updated = counters.rowsStaged - created;
    parts.push(`Imported ${plural(counters.rowsStaged, 'customer', 'customers')} (${fmt(created)} new, ${fmt(updated)} updated).`);
  }
  if (counters.rowsRejected > 0) {
    parts.push(`${plural(counters.rowsRejected, 'row was', 'rows were')} rejected; see the list of rejected rows.`);
  }
  if (counters.rowsSkipped > 0) parts.push(`${plural(counters.rowsSkipped, 'blank line was', 'blank lines were')} skipped.`);
  if (encoding === 'windows-1252') parts.push('The file is not UTF-8, so it was read as Windows-1252 (Western European).');
  return parts.join(' ');
}

export async function importCustomers(db: Db, file: string, options: ImportCustomersOptions = {}): Promise<ImportReport> {
  const resolved = path.resolve(file);
  const name = options.displayName?.trim() || path.basename(resolved);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const control = options.control;

  const importId = Number(
    db
      .prepare(`INSERT INTO imports (kind, file_name, file_path, status, started_at) VALUES ('customers', ?, ?, 'running', ?)`)
      .run(name, resolved, nowIso()).lastInsertRowid,
  );
  ensureKeyTable(db);

  let rowsRead = 0;
  const finishUnsuccessfully = (status: 'failed' | 'cancelled', message: string): ImportReport => {
    db.transaction(() => {
      db.prepare('DELETE FROM import_staging WHERE import_id = ?').run(importId);
      db.prepare('DELETE FROM import_rejections WHERE import_id = ?').run(importId);
      db.prepare('DELETE FROM temp.import_keys WHERE import_id = ?').run(importId);
      db.prepare(
        `UPDATE imports SET status = ?, message = ?, finished_at = ?,
           rows_read = ?, rows_imported = 0, rows_rejected = 0, rows_skipped = 0 WHERE id = ?`,
      ).run(status, message, nowIso(), rowsRead, importId);
    })();
    return getImportReport(db, importId);
  };

  try {
    const { size, sample } = inspectFile(resolved, name);
    let encoding = detectEncoding(sample, name);
    // The sample said UTF-8, but ANSI bytes can first appear far into a file; they would silently become U+FFFD.
    if (encoding === 'utf-8' && size > sample.length && !hasUtf8Bom(sample) && !(await isUtf8Throughout(resolved))) {
      encoding = 'windows-1252';
    }
    const dialect = detectDialect(makeDecoder(encoding).decode(sample, { stream: true }), encoding);

    let bytesRead = 0;
    let stager: Stager | null = null;
    let mapping: ColumnMapping[] = [];
    let batch: CsvRecord[] = [];
    let leadingBlankLines = 0;
    let cancelled = false;

    /** Report progress and let other requests (polling, cancel) run; true when the user cancelled. */
    const checkpoint = async (): Promise<boolean> => {
      rowsRead = (stager?.counters.rowsRead ?? 0) + batch.length;
      control?.progress({ done: bytesRead, total: size, unit: 'bytes', rows: rowsRead });
      await yieldToEventLoop();
      return control?.signal.aborted === true;
    };

    reading: for await (const records of readRecords(resolved, dialect, (bytes) => (bytesRead += bytes))) {
      for (const record of records) {
        if (stager === null) {
          // Spreadsheets sometimes leave blank lines above the header; the header is the first real line.
          if (record.quoteError === null && isBlank(record.fields)) {
            leadingBlankLines++;
            continue;
          }
          if (record.quoteError !== null) {
            throw new FileProblem(
              `Cannot import ${name}: the header row (line ${record.line}) has a quoted column name that is never closed.`,
            );
          }
          mapping = mapHeaders(record.fields);
          db.prepare('UPDATE imports SET mapping = ? WHERE id = ?').run(JSON.stringify(mapping), importId);
          if (!hasIdentityColumn(mapping)) {
            const shown = mapping.slice(0, 20).map((column, index) => column.header || `(blank column ${index + 1})`);
            const more = mapping.length > 20 ? `, and ${mapping.length - 20} more` : '';
            throw new FileProblem(
              `Cannot import ${name}: it has no email or id column. Columns found: ${shown.join(', ')}${more}. ` +
                'Name one column "email" or "id" and import again.',
            );
          }
          stager = new Stager(db, importId, mapping, dialect.delimiter);
          continue;
        }
        batch.push(record);
        if (batch.length >= batchSize) {
          stager.flush(batch);
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

    if (stager === null) {
      throw new FileProblem(
        leadingBlankLines > 0
          ? `Cannot import ${name}: it contains only blank lines, no header row.`
          : `Cannot import ${name}: the file is empty.`,
      );
    }
    if (!cancelled && batch.length > 0) stager.flush(batch);
    if (!cancelled) rowsRead = stager.counters.rowsRead;
    if (cancelled || control?.signal.aborted) {
      return finishUnsuccessfully(
        'cancelled',
        `Cancelled after reading ${plural(rowsRead, 'row', 'rows')}; nothing from ${name} was imported.`,
      );
    }

    const counters = stager.counters;
    const customMapping = mapping.filter((column) => column.kind === 'custom');
    db.transaction(() => {
      const now = nowIso();
      const countCustomers = db.prepare('SELECT count(*) FROM customers').pluck();
      const before = countCustomers.get() as number;
      db.prepare(UPSERT_STAGED).run({ importId, now });
      const created = (countCustomers.get() as number) - before;
      const addField = db.prepare('INSERT INTO customer_fields (key, label, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING');
      for (const column of customMapping) addField.run(column.key, column.header || column.key, now);
      db.prepare(
        `UPDATE imports SET status = 'succeeded', rows_read = ?, rows_imported = ?, rows_rejected = ?, rows_skipped = ?,
           mapping = ?, message = ?, finished_at = ? WHERE id = ?`,
      ).run(
        counters.rowsRead,
        counters.rowsStaged,
        counters.rowsRejected,
        counters.rowsSkipped,
        JSON.stringify(mapping),
        successMessage(counters, created, dialect.encoding, counters.rowsRead === 0),
        now,
        importId,
      );
      db.prepare('DELETE FROM import_staging WHERE import_id = ?').run(importId);
      db.prepare('DELETE FROM temp.import_keys WHERE import_id = ?').run(importId);
    })();
    return getImportReport(db, importId);
  } catch (error) {
    if (error instanceof FileProblem) return finishUnsuccessfully('failed', error.message);
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const reason = error instanceof Error ? error.message : String(error);
    const message =
      typeof code === 'string' && code.startsWith('E')
        ? `Could not finish reading ${name}: ${reason}. Nothing was imported.`
        : `Import of ${name} failed: ${reason}. Nothing was imported.`;
    return finishUnsuccessfully('failed', message);
  }
}
