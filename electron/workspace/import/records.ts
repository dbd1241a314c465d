import type { AheadResults } from './ahead';
import Papa, { type ParseStepResult } from 'papaparse';
import type { Dialect } from './dialect';
import { makeDecoder } from './encoding';
import { readChunks } from './source';

/**
 * The reader: bytes → decoded text → records, each with the physical lines it
 * spans. Records stream a chunk at a time through papaparse's low-level
 * Parser, so memory stays flat whatever the file size.
 *
 * A broken quote never silently ends the read. When a record with a quote
 * problem spans several lines, only its first line is rejected and parsing
 * resumes on the next line. A quoted value past MAX_RECORD_CHARS is skipped
 * without buffering it: if its quote closes, the whole record (its line range)
 * is rejected and reading continues after it; if it never closes, only its
 * first line is rejected and the file is read again from the line after it.
 * Every physical line therefore ends up in exactly one record.
 *
 * That second read is the last: everything after a quote that never closes
 * was inside it, so its quote marks come in doubled pairs, and read from
 * outside a quote a doubled pair opens and closes at once. A file costs at
 * most two passes, however hostile.
 */

/** No real customer row is this long; past it the value is skipped, not buffered. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

export type RecordProblem =
  /** A quote opened on this line never closes; the next line was read as a record of its own. */
  | { kind: 'unclosed' }
  /** A quote inside a quoted value is not doubled (the record was cut back to this line when it spanned more). */
  | { kind: 'malformed'; spanned: boolean }
  /** A value ran past MAX_RECORD_CHARS; the record (line..endLine) was skipped whole. */
  | { kind: 'too_long' };

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  /** Last physical line of the record. */
  endLine: number;
  fields: string[];
  /** Source text of the record, line break included (the first MAX_RECORD_CHARS when too long). */
  text: string;
  problem: RecordProblem | null;
  /** Work done ahead on the parse thread (ahead.ts). */
  ahead?: AheadResults;
}

function countBreaks(text: string, newline: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf(newline, from); i !== -1 && i < to; i = text.indexOf(newline, i + 1)) n++;
  return n;
}

/**
 * Finds the end of a record whose start is already behind us, tracking only
 * whether we are inside quotes (a doubled quote toggles twice). Used for
 * values too long to hand to papaparse.
 */
class RecordEndScanner {
  inQuotes = false;
  /** Line breaks passed inside the record so far. */
  breaks = 0;
  constructor(private readonly newline: string) {}

  /** Index of the line break that ends the record in `text`, or -1 (state carried to the next call). */
  feed(text: string): number {
    let i = 0;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (!this.inQuotes) {
        const end = text.indexOf(this.newline, i);
        if (end !== -1 && (quote === -1 || end < quote)) return end;
        if (quote === -1) return -1;
        this.inQuotes = true;
        i = quote + 1;
      } else {
        this.breaks += countBreaks(text, this.newline, i, quote === -1 ? text.length : quote);
        if (quote === -1) return -1;
        this.inQuotes = false;
        i = quote + 1;
      }
    }
  }
}

export interface ReaderEvents {
  /** Bytes of the file consumed so far (never goes backwards when the file is read again). */
  onBytes(done: number): void;
}

/** Records of the file, a chunk's worth at a time. */
export async function* readRecords(file: string, encoding: string, dialect: Dialect, events: ReaderEvents): AsyncGenerator<CsvRecord[]> {
  let startLine: number | null = 1;
  let furthest = 0;
  while (startLine !== null) {
    const pass = readPass(file, encoding, dialect, startLine, (bytes) => {
      if (bytes > furthest) events.onBytes((furthest = bytes));
    });
    let next = await pass.next();
    while (!next.done) {
      yield next.value;
      next = await pass.next();
    }
    startLine = next.value;
  }
}

/**
 * One read of the file from `startLine`. Returns the line to read again from
 * when a quote opened at some line never closes, otherwise null.
 */
async function* readPass(
  file: string,
  encoding: string,
  { delimiter, newline }: Dialect,
  startLine: number,
  onBytes: (bytes: number) => void,
): AsyncGenerator<CsvRecord[], number | null> {
  const decoder = makeDecoder(encoding);
  let pending = '';
  let line = startLine;
  let toDrop = startLine - 1;
  let skipping: { scanner: RecordEndScanner; line: number; head: string } | null = null;
  let bytes = 0;

  /** Parse `pending` into records, keeping an unfinished last record in `pending` unless final. */
  const parse = (final: boolean): CsvRecord[] => {
    const records: CsvRecord[] = [];
    for (let resync = true; resync;) {
      resync = false;
      let start = 0;
      const input = pending;
      const parser: Papa.Parser = new Papa.Parser({
        delimiter,
        newline,
        quoteChar: '"',
        step: (result: ParseStepResult<string[][]>) => {
          const end = result.meta.cursor;
          if (end === start) return; // the empty "row" after a final line break
          const text = input.slice(start, end);
          const breaks = countBreaks(text, newline);
          const spans = breaks - (text.endsWith(newline) ? 1 : 0) > 0;
          const errors = result.errors;
          const quoteError =
            errors.length === 0
              ? null
              : errors.some((error) => error.code === 'MissingQuotes')
                ? 'unclosed'
                : errors.some((error) => error.code === 'InvalidQuotes')
                  ? 'malformed'
                  : null;
          if (quoteError !== null && spans) {
            // Keep only the first line; the next line may well be a good record of its own.
            const firstEnd = input.indexOf(newline, start) + newline.length;
            const problem: RecordProblem = quoteError === 'unclosed' ? { kind: 'unclosed' } : { kind: 'malformed', spanned: true };
            records.push({ line, endLine: line, fields: [], text: input.slice(start, firstEnd), problem });
            line += 1;
            start = firstEnd;
            resync = true;
            parser.abort();
            return;
          }
          records.push({
            line,
            endLine: line + breaks - (text.endsWith(newline) ? 1 : 0),
            fields: result.data[0] ?? [],
            text,
            problem: quoteError === null ? null : quoteError === 'unclosed' ? { kind: 'unclosed' } : { kind: 'malformed', spanned: false },
          });
          line += breaks;
          start = end;
        },
      });
      parser.parse(input, 0, !final);
      pending = input.slice(start);
    }
    return records;
  };

  /** Feed text to the skipper; returns the text after the skipped record, or null if it has not ended yet. */
  const skip = (text: string, records: CsvRecord[]): string | null => {
    if (skipping === null) return text;
    const end = skipping.scanner.feed(text);
    if (end === -1) return null;
    const endLine = skipping.line + skipping.scanner.breaks;
    records.push({ line: skipping.line, endLine, fields: [], text: skipping.head, problem: { kind: 'too_long' } });
    line = endLine + 1;
    skipping = null;
    return text.slice(end + newline.length);
  };

  const take = (text: string): CsvRecord[] => {
    if (toDrop > 0) {
      // Reading again after a quote that never closed: drop the lines already accounted for.
      let at = -1;
      while (toDrop > 0) {
        at = text.indexOf(newline, at + 1);
        if (at === -1) return [];
        toDrop--;
      }
      text = text.slice(at + newline.length);
    }
    const records: CsvRecord[] = [];
    const rest = skip(text, records);
    if (rest === null) return records;
    pending += rest;
    records.push(...parse(false));
    if (pending.length > MAX_RECORD_CHARS) {
      const scanner = new RecordEndScanner(newline);
      const head = pending.slice(0, MAX_RECORD_CHARS);
      skipping = { scanner, line, head };
      const tail = pending;
      pending = '';
      const after = skip(tail, records);
      if (after !== null) {
        pending = after;
        records.push(...parse(false));
      }
    }
    return records;
  };

  for await (const chunk of readChunks(file)) {
    bytes += chunk.length;
    const records = take(decoder.write(chunk));
    onBytes(bytes);
    if (records.length > 0) yield records;
  }
  const records = take(decoder.end());
  const open = skipping as { scanner: RecordEndScanner; line: number; head: string } | null;
  if (open !== null) {
    if (open.scanner.inQuotes) {
      // The quote never closes: reject its first line only, and read the rest as records of their own.
      const firstEnd = open.head.indexOf(newline);
      const text = firstEnd === -1 ? open.head : open.head.slice(0, firstEnd + newline.length);
      records.push({ line: open.line, endLine: open.line, fields: [], text, problem: { kind: 'unclosed' } });
      yield records;
      return open.line + 1;
    }
    // A very long last line without quotes trouble: it ends with the file.
    records.push({ line: open.line, endLine: open.line + open.scanner.breaks, fields: [], text: open.head, problem: { kind: 'too_long' } });
  }
  records.push(...parse(true));
  if (records.length > 0) yield records;
  return null;
}
