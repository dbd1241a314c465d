import Papa from 'papaparse';
import { z } from 'zod';
import { ColumnMapping } from '../../../../shared/contract/schemas';
import { ContractError } from '../../../../shared/contract/envelope';
import type { Db } from '../../db';
import { readSourceHeader, REASONS_HEADER } from './source-header';

/**
 * An import's rejected rows as a CSV to fix and import again: a first column
 * with the reasons (which an import of the file leaves out), then the file's
 * own header and each rejected row's cells as written, with the file's
 * delimiter.
 *
 * Formula cells: a spreadsheet runs a cell that starts with = + - or @. In a
 * customers file such cells get a leading apostrophe, which the customers
 * import strips again (the spreadsheet text marker, customers/steps.ts); cells
 * are trimmed first, as the import trims them, so the apostrophe always sits
 * right before the sign. Orders and events read "-5" as a number and keep an
 * apostrophe, so their cells are written unchanged; the reasons cell is
 * Tailor's text and never starts with a sign.
 */

export interface RejectsFile {
  importId: number;
  /** A name to save it under: the imported file's, with "-rejected". */
  fileName: string;
  rows: number;
  csv: string;
}

interface ImportRow {
  id: number;
  file_name: string;
  kind: string;
  mapping: string;
}

const FORMULA = /^[=+\-@]/;

function headerFromMapping(json: string): string[] {
  try {
    const parsed = z.array(ColumnMapping).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data.map((column) => column.header) : [];
  } catch {
    return [];
  }
}

export function rejectedFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${stem}-rejected.csv`;
}

/** The latest import with rejected rows, or the given one. */
function pickImport(db: Db, importId: number | undefined): ImportRow {
  const select = 'SELECT id, file_name, kind, mapping FROM imports';
  const row = (
    importId === undefined
      ? db.prepare(`${select} WHERE rows_rejected > 0 ORDER BY started_at DESC, id DESC LIMIT 1`).get()
      : db.prepare(`${select} WHERE id = ?`).get(importId)
  ) as ImportRow | undefined;
  if (row === undefined) {
    throw new ContractError(
      'not_found',
      importId === undefined ? 'No import in this workspace has rejected rows.' : `There is no import #${importId} in this workspace.`,
    );
  }
  return row;
}

export function rejectsCsv(db: Db, importId?: number): RejectsFile {
  const target = pickImport(db, importId);
  const source = readSourceHeader(db, target.id);
  const delimiter = source?.delimiter ?? ',';
  const header = source?.fields ?? headerFromMapping(target.mapping);
  const guard = target.kind === 'customers';
  const tidy = (cells: string[]): string[] => (guard ? cells.map((cell) => cell.trim()) : cells);

  const rows: string[][] = [[REASONS_HEADER, ...tidy(header)]];
  const rejected = db
    .prepare('SELECT reason, raw FROM import_rejections WHERE import_id = ? ORDER BY line, rowid')
    .iterate(target.id) as IterableIterator<{ reason: string; raw: string }>;
  for (const { reason, raw } of rejected) {
    const parsed = Papa.parse<string[]>(raw, { delimiter, skipEmptyLines: false });
    const cells = parsed.data[0] ?? [raw];
    // A row of a rejected-rows file still holds its old reasons first.
    rows.push([reason, ...tidy(source?.reasonsColumn ? cells.slice(1) : cells)]);
  }
  const csv = Papa.unparse(rows, { delimiter, newline: '\r\n', escapeFormulae: guard ? FORMULA : false });
  return { importId: target.id, fileName: rejectedFileName(target.file_name), rows: rows.length - 1, csv: `${csv}\r\n` };
}
