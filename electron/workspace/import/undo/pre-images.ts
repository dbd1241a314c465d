import type { Db } from '../../db';

/**
 * Pre-images: whole rows as they were before an import changed them, kept in
 * `import_undo_rows` as JSON of every column (read from the table itself, so
 * a column a later migration adds is kept too). Each write is one set-based
 * statement.
 */

export type SnapshotTable = 'customers' | 'orders' | 'customer_fields' | 'canonical_field_types';

const KEY_COLUMN: Record<SnapshotTable, string> = {
  customers: 'id',
  orders: 'id',
  customer_fields: 'key',
  canonical_field_types: 'key',
};

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function columnsOf(db: Db, table: SnapshotTable): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter(Boolean);
}

/**
 * Keep the rows of `table` that `where` selects (SQL over the table aliased
 * `t`, with `params`) as import `importId`'s pre-images. A row kept already
 * for this import stays as first kept.
 */
export function snapshotRows(db: Db, importId: number, table: SnapshotTable, where: string, params: unknown[] = []): number {
  const pairs = columnsOf(db, table)
    .map((column) => `'${column.replaceAll("'", "''")}', t.${quote(column)}`)
    .join(', ');
  return db
    .prepare(
      `INSERT INTO import_undo_rows (import_id, tbl, key, row)
       SELECT ?, '${table}', t.${KEY_COLUMN[table]}, json_object(${pairs}) FROM ${table} t WHERE ${where}
       ON CONFLICT DO NOTHING`,
    )
    .run(importId, ...params).changes;
}

/** Put the kept rows back over the current ones, column by column; rows that are gone are inserted again. */
export function restoreRows(db: Db, importId: number, table: SnapshotTable): number {
  const columns = columnsOf(db, table);
  const key = KEY_COLUMN[table];
  const list = columns.map(quote).join(', ');
  const values = columns.map((column) => `u.row ->> '$.${column}'`).join(', ');
  const updates = columns
    .filter((column) => column !== key)
    .map((column) => `${quote(column)} = excluded.${quote(column)}`)
    .join(', ');
  // An upsert, not INSERT OR REPLACE: REPLACE deletes first, and the delete would cascade to orders and events.
  return db
    .prepare(
      `INSERT INTO ${table} (${list})
       SELECT ${values} FROM import_undo_rows u WHERE u.import_id = ? AND u.tbl = '${table}' AND true
       ON CONFLICT (${key}) DO UPDATE SET ${updates}`,
    )
    .run(importId).changes;
}

/** How many pre-images of `table` the import kept. */
export function snapshotCount(db: Db, importId: number, table: string): number {
  return db.prepare('SELECT count(*) FROM import_undo_rows WHERE import_id = ? AND tbl = ?').pluck().get(importId, table) as number;
}
