import Database from 'better-sqlite3';
import { ContractError } from '../../../../shared/contract/envelope';
import { ImportEntityName, type UndoImportResult } from '../../../../shared/contract/schemas';
import { nowIso, type Db } from '../../db';
import { fieldStatsSql } from '../../field-stats';
import { restoreRows } from './pre-images';
import { undoRefusal, type UndoFacts } from './refusal';

/**
 * Undo an import, in one transaction: delete the rows it created, put the
 * rows it updated back as they were (their pre-images), unlink the earlier
 * orders and events it attached, put back the flags the validation step
 * replaced, restore the field catalogue and recompute
 * the cached field statistics. Refused (refusal.ts) unless it is the last
 * import that changed anything and nothing since depends on it.
 */

interface ImportRow {
  id: number;
  kind: string;
  file_name: string;
  status: string;
  undone_at: string | null;
  undo_stamp: string | null;
  undo_touched: number;
}

/** The import undo would take when none is named: the newest that changed something and is not undone. */
export function lastUndoableImport(db: Db): number | null {
  return (
    (db.prepare(`SELECT max(id) FROM imports WHERE status = 'succeeded' AND undone_at IS NULL`).pluck().get() as number | null) ?? null
  );
}

/** Rows the import wrote that are still as it left them. */
function unchangedRows(db: Db, row: ImportRow, entity: ImportEntityName): number {
  if (entity === 'customers') {
    return db
      .prepare('SELECT count(*) FROM customers WHERE import_id = ? AND updated_at = ?')
      .pluck()
      .get(row.id, row.undo_stamp) as number;
  }
  return db.prepare(`SELECT count(*) FROM ${entity} WHERE import_id = ?`).pluck().get(row.id) as number;
}

/** Customers the import created: written by it, with no pre-image. */
const CREATED = `SELECT id FROM customers WHERE import_id = @importId
  AND id NOT IN (SELECT key FROM import_undo_rows WHERE import_id = @importId AND tbl = 'customers')`;

function gatherFacts(db: Db, row: ImportRow, entity: ImportEntityName): UndoFacts {
  const later = db
    .prepare(
      `SELECT id AS importId, file_name AS file FROM imports WHERE id > ? AND status = 'succeeded' AND undone_at IS NULL ORDER BY id DESC LIMIT 1`,
    )
    .get(row.id) as { importId: number; file: string } | undefined;
  const running = db.prepare(`SELECT 1 FROM imports WHERE status = 'running'`).get() !== undefined;
  const personas =
    entity === 'customers' && row.status === 'succeeded'
      ? (db
          .prepare(`SELECT label FROM personas WHERE kind = 'customer' AND customer_id IN (${CREATED}) ORDER BY position`)
          .pluck()
          .all({ importId: row.id }) as string[])
      : [];
  // A merge keeps both customers as they were; those the import wrote carry its id.
  const merges =
    entity === 'customers' && row.status === 'succeeded' && row.undone_at === null
      ? (db
          .prepare(
            `SELECT id FROM dedup_merges WHERE undone_at IS NULL
               AND (survivor_before ->> '$.import_id' = @importId OR merged_before ->> '$.import_id' = @importId)
             ORDER BY id DESC`,
          )
          .pluck()
          .all({ importId: row.id }) as number[])
      : [];
  return {
    importId: row.id,
    file: row.file_name,
    noun: entity,
    status: row.status,
    undoneAt: row.undone_at,
    stamp: row.undo_stamp,
    touched: row.undo_touched,
    unchanged: row.status === 'succeeded' && row.undone_at === null ? unchangedRows(db, row, entity) : row.undo_touched,
    later: later ?? null,
    running,
    personas,
    merges,
  };
}

function undoCustomers(db: Db, importId: number): { deleted: number; restored: number; detached: number } {
  // Unlink first: deleting a customer would otherwise delete the orders and events attached to it (ON DELETE CASCADE).
  let detached = 0;
  for (const table of ['orders', 'events'] as const) {
    detached += db
      .prepare(
        `UPDATE ${table} SET customer_id = NULL WHERE id IN (SELECT key FROM import_undo_rows WHERE import_id = ? AND tbl = '${table}_link')`,
      )
      .run(importId).changes;
  }
  const deleted = db.prepare(`DELETE FROM customers WHERE id IN (${CREATED})`).run({ importId }).changes;
  const restored = restoreRows(db, importId, 'customers');
  // Customers it re-typed without writing them (a field it turned to text) get their typed values back.
  db.prepare(
    `UPDATE customers SET typed = u.row ->> '$.typed'
     FROM import_undo_rows u WHERE u.import_id = ? AND u.tbl = 'customers_typed' AND customers.id = u.key`,
  ).run(importId);
  // The import's flags go (those of the customers it created went with them); the earlier ones come back.
  db.prepare('DELETE FROM customer_flags WHERE import_id = ?').run(importId);
  db.prepare(
    `INSERT INTO customer_flags (customer_id, import_id, rule, message, suggestion)
     SELECT u.key, f.value ->> '$.import_id', f.value ->> '$.rule', f.value ->> '$.message', f.value ->> '$.suggestion'
     FROM import_undo_rows u, json_each(u.row) f WHERE u.import_id = ? AND u.tbl = 'customer_flags'`,
  ).run(importId);
  // The catalogue as it was: fields the import registered go, types and warnings it changed come back.
  db.prepare(
    `DELETE FROM customer_fields WHERE key NOT IN (SELECT key FROM import_undo_rows WHERE import_id = ? AND tbl = 'customer_fields')`,
  ).run(importId);
  restoreRows(db, importId, 'customer_fields');
  restoreRows(db, importId, 'canonical_field_types');
  // Undo is rare and removes values, which the import's delta cannot account for: one full pass, fresh afterwards.
  db.exec(`DELETE FROM field_stats;
    INSERT INTO field_stats (kind, key, filled, sample) ${fieldStatsSql('customers')};
    UPDATE field_stats_state SET stale = 0;`);
  return { deleted, restored, detached };
}

function undoOrders(db: Db, importId: number): { deleted: number; restored: number; detached: number } {
  const deleted = db
    .prepare(
      `DELETE FROM orders WHERE import_id = @importId
         AND id NOT IN (SELECT key FROM import_undo_rows WHERE import_id = @importId AND tbl = 'orders')`,
    )
    .run({ importId }).changes;
  return { deleted, restored: restoreRows(db, importId, 'orders'), detached: 0 };
}

function undoEvents(db: Db, importId: number): { deleted: number; restored: number; detached: number } {
  // An event import only ever inserts (ON CONFLICT DO NOTHING).
  return { deleted: db.prepare('DELETE FROM events WHERE import_id = ?').run(importId).changes, restored: 0, detached: 0 };
}

/** Undo import `importId`, or the last undoable one; throws ContractError with the reason when refused. */
export function undoImport(db: Db, importId?: number): UndoImportResult {
  try {
    return undoInTransaction(db, importId);
  } catch (error) {
    // A pre-image naming a customer removed since (an order moved to a merge survivor, say): the transaction rolled back.
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new ContractError(
        'conflict',
        'This import cannot be undone: a row it changed would go back to a customer that has been removed since (merged or deleted). Nothing was changed.',
      );
    }
    throw error;
  }
}

function undoInTransaction(db: Db, importId: number | undefined): UndoImportResult {
  return db
    .transaction((): UndoImportResult => {
      const id = importId ?? lastUndoableImport(db);
      if (id === null) throw new ContractError('not_found', 'There is no import to undo in this workspace.');
      const row = db
        .prepare('SELECT id, kind, file_name, status, undone_at, undo_stamp, undo_touched FROM imports WHERE id = ?')
        .get(id) as ImportRow | undefined;
      if (row === undefined) throw new ContractError('not_found', `There is no import #${id} in this workspace.`);
      const entity = ImportEntityName.catch('customers').parse(row.kind);
      const refusal = undoRefusal(gatherFacts(db, row, entity));
      if (refusal !== null) throw new ContractError('conflict', refusal);

      const done = entity === 'customers' ? undoCustomers(db, id) : entity === 'orders' ? undoOrders(db, id) : undoEvents(db, id);
      const undoneAt = nowIso();
      db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(undoneAt, id);
      // The pre-images served their purpose; an undone import cannot be undone again.
      db.prepare('DELETE FROM import_undo_rows WHERE import_id = ?').run(id);
      return { importId: id, file: row.file_name, entity, ...done, undoneAt };
    })
    .immediate();
}
