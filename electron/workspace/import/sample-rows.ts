import fs from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { ColumnMapping } from '../../../shared/contract/schemas';
import { detectColumn, detectLocale, type ParseContext } from '../../../shared/fields/types';
import type { Db } from '../db';
import type { Dialect } from './dialect';
import type { ImportContext } from './pipeline';
import { hasReasonsColumn } from './validation/source-header';

/**
 * The first rows of a file, for what must be decided before its rows stream
 * through the steps: the file's locale (validation, order and event values)
 * and the wizard's preview. Reads a bounded start of the file whatever its size.
 */

/** Bytes read from the start of an importing file to decide its locale. */
const LOCALE_SAMPLE_BYTES = 256 * 1024;
/** Data rows the locale is read from (as the customers' typing reads its first staged rows). */
const LOCALE_SAMPLE_ROWS = 200;

export const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');

/** The sample's text, cut after its last complete line when the file goes on. */
export function sampleText(sample: Buffer, encoding: string, whole: boolean): string {
  const text = iconv.decode(sample, encoding, { stripBOM: true });
  if (whole) return text;
  const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return end > 0 ? text.slice(0, end + 1) : text;
}

export function parseRows(text: string, dialect: Dialect): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: dialect.delimiter, newline: dialect.newline, skipEmptyLines: false });
  // '\n' also splits CRLF files; the stray '\r' stays on the last cell.
  return parsed.data.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell.replace(/\r$/, '') : cell)));
}

function readStart(file: string, bytes: number): { sample: Buffer; whole: boolean } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(bytes, size));
    const sample = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0));
    return { sample, whole: sample.length >= size };
  } finally {
    fs.closeSync(fd);
  }
}

const sameName = (a: string | undefined, b: string): boolean => a !== undefined && a.trim() === b.trim();

/**
 * The first data rows of the import's file, each cut to the mapping's columns
 * in the mapping's order (a reasons column and ignored columns left out), so
 * cell i belongs to mapping[i]. Empty when the file cannot be read again.
 */
export function sampleMappedRows(db: Db, context: Omit<ImportContext, 'mapping'>, mapping: readonly ColumnMapping[]): string[][] {
  const file = db.prepare('SELECT file_path FROM imports WHERE id = ?').pluck().get(context.importId);
  if (typeof file !== 'string') return [];
  let rows: string[][];
  try {
    const { sample, whole } = readStart(file, LOCALE_SAMPLE_BYTES);
    rows = parseRows(sampleText(sample, context.encoding.encoding, whole), context.dialect).filter((row) => !isBlankRow(row));
  } catch {
    return [];
  }
  const [fileHeader = [], ...data] = rows;
  const offset = hasReasonsColumn(fileHeader) ? 1 : 0;
  // Ignored columns are only left out, never reordered: each mapped column is the next header cell of its name.
  const indices: number[] = [];
  let at = offset;
  for (const column of mapping) {
    let found = at;
    while (found < fileHeader.length && !sameName(fileHeader[found], column.header)) found++;
    const index = found < fileHeader.length ? found : at;
    indices.push(index);
    at = index + 1;
  }
  return data.slice(0, LOCALE_SAMPLE_ROWS).map((row) => indices.map((index) => row[index] ?? ''));
}

const chosenLocale = (mapping: readonly ColumnMapping[]): ParseContext | undefined => mapping.find((column) => column.locale)?.locale;

/** The locale the mapping chose (the wizard's or a mapping file's), else the one the file's first rows show. */
export function fileLocale(context: ImportContext): ParseContext {
  return chosenLocale(context.mapping) ?? detectLocale(sampleMappedRows(context.db, context, context.mapping)).context;
}

/**
 * How to read each of the given known fields' columns: the chosen locale, else
 * the file's detected one with the column's own day order and decimal mark
 * (as the customers' typing reads a column, here from the file's first rows).
 */
export function columnLocales(context: ImportContext, keys: readonly string[]): Map<string, ParseContext> {
  const chosen = chosenLocale(context.mapping);
  const rows = chosen ? [] : sampleMappedRows(context.db, context, context.mapping);
  const locale = chosen ?? detectLocale(rows).context;
  const locales = new Map<string, ParseContext>();
  for (const key of keys) {
    const index = context.mapping.findIndex((column) => column.kind === 'canonical' && column.key === key);
    const column = context.mapping[index];
    if (chosen || column === undefined || rows.length === 0) {
      locales.set(key, locale);
      continue;
    }
    const detected = detectColumn(
      rows.map((row) => row[index] ?? ''),
      { header: column.header, locale },
    );
    locales.set(key, { ...locale, dateOrder: detected.context.dateOrder, decimalSeparator: detected.context.decimalSeparator });
  }
  return locales;
}
