import { z } from 'zod';
import { ContractError } from '../../shared/contract/envelope';
import { ColumnMapping, ImportEntityName, type ImportReport, type ImportWarning, type Rejection } from '../../shared/contract/schemas';
import type { Db } from './db';
import { withReasons } from './import/validation/customer-flags';
import { readRuleCounts } from './import/validation/findings';
import { parsePolicy } from './import/policy';
import { lastUndoableImport } from './import/undo/undo-import';

/** How many rejections a report carries inline; the rest are paged with listRejections. */
export const REPORT_REJECTION_SAMPLE = 100;

interface ImportRow {
  id: number;
  file_name: string;
  status: ImportReport['status'];
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  rows_skipped: number;
  mapping: string;
  message: string | null;
  started_at: string;
  finished_at: string | null;
  rows_created: number;
  rows_updated: number;
  lines_in_file: number;
  encoding: string | null;
  encoding_confidence: number | null;
  rows_warned: number;
  kind: string;
  rows_unlinked: number;
  unlinked_sample: string;
  rows_flagged: number;
  rule_counts: string;
  policy: string | null;
  undone_at: string | null;
}

const MappingJson = z.array(ColumnMapping);

function parseMapping(json: string): ColumnMapping[] {
  try {
    const parsed = MappingJson.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    // A damaged mapping must not hide the rest of the import history.
    return [];
  }
}

const UnlinkedJson = z.array(z.object({ line: z.number().int(), customerKey: z.string() }));

function parseUnlinked(json: string): ImportReport['unlinked'] {
  try {
    const parsed = UnlinkedJson.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function firstRejections(db: Db, importId: number): Rejection[] {
  const rows = db
    .prepare('SELECT line, reason, raw FROM import_rejections WHERE import_id = ? ORDER BY line, rowid LIMIT ?')
    .all(importId, REPORT_REJECTION_SAMPLE) as Omit<Rejection, 'reasons'>[];
  return withReasons(db, importId, rows);
}

function firstWarnings(db: Db, importId: number): ImportWarning[] {
  return db
    .prepare('SELECT line, message FROM import_warnings WHERE import_id = ? ORDER BY line, rowid LIMIT ?')
    .all(importId, REPORT_REJECTION_SAMPLE) as ImportWarning[];
}

function toReport(db: Db, row: ImportRow, undoable: number | null = lastUndoableImport(db)): ImportReport {
  return {
    importId: row.id,
    file: row.file_name,
    status: row.status,
    rowsRead: row.rows_read,
    rowsImported: row.rows_imported,
    rowsRejected: row.rows_rejected,
    rowsSkipped: row.rows_skipped,
    mapping: parseMapping(row.mapping),
    rejections: firstRejections(db, row.id),
    message: row.message,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rowsCreated: row.rows_created,
    rowsUpdated: row.rows_updated,
    linesInFile: row.lines_in_file,
    encoding: row.encoding,
    encodingConfidence: row.encoding_confidence,
    rowsWarned: row.rows_warned,
    warnings: row.rows_warned > 0 ? firstWarnings(db, row.id) : [],
    entity: ImportEntityName.catch('customers').parse(row.kind),
    rowsUnlinked: row.rows_unlinked,
    unlinked: parseUnlinked(row.unlinked_sample),
    rowsFlagged: row.rows_flagged,
    ruleCounts: readRuleCounts(row.rule_counts),
    policy: parsePolicy(row.policy),
    undoneAt: row.undone_at,
    canUndo: row.id === undoable,
  };
}

const SELECT_IMPORT = `SELECT id, file_name, status, rows_read, rows_imported, rows_rejected, rows_skipped,
  mapping, message, started_at, finished_at,
  rows_created, rows_updated, lines_in_file, encoding, encoding_confidence, rows_warned,
  kind, rows_unlinked, unlinked_sample, rows_flagged, rule_counts, policy, undone_at FROM imports`;

/** Every import, newest first, each with its first rejections. */
export function listImports(db: Db): ImportReport[] {
  const rows = db.prepare(`${SELECT_IMPORT} ORDER BY started_at DESC, id DESC`).all() as ImportRow[];
  const undoable = lastUndoableImport(db);
  return rows.map((row) => toReport(db, row, undoable));
}

export function getImportReport(db: Db, importId: number): ImportReport {
  const row = db.prepare(`${SELECT_IMPORT} WHERE id = ?`).get(importId) as ImportRow | undefined;
  if (!row) throw new ContractError('not_found', `There is no import #${importId} in this workspace.`);
  return toReport(db, row);
}

/** One page of an import's rejected rows, in file order. */
export function listRejections(db: Db, importId: number, offset: number, limit: number): { total: number; rows: Rejection[] } {
  const exists = db.prepare('SELECT 1 FROM imports WHERE id = ?').pluck().get(importId);
  if (exists === undefined) throw new ContractError('not_found', `There is no import #${importId} in this workspace.`);
  const total = db.prepare('SELECT count(*) FROM import_rejections WHERE import_id = ?').pluck().get(importId) as number;
  const rows = db
    .prepare('SELECT line, reason, raw FROM import_rejections WHERE import_id = ? ORDER BY line, rowid LIMIT ? OFFSET ?')
    .all(importId, limit, offset) as Omit<Rejection, 'reasons'>[];
  return { total, rows: withReasons(db, importId, rows) };
}
