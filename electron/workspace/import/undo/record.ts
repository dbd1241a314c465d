import type { Db } from '../../db';
import { snapshotRows } from './pre-images';

/**
 * What a committer records, inside its final transaction, so the import can
 * be undone: the stamp and number of rows it wrote, pre-images of the rows it
 * is about to update (one set-based statement, skipped when it only creates),
 * the field catalogue as it was, and the earlier orders and events it attaches.
 */

/** `stamp`: the updated_at the import gave the customers it wrote (any time for orders and events, which have none). */
export function recordStamp(db: Db, importId: number, stamp: string, touched: number): void {
  db.prepare('UPDATE imports SET undo_stamp = ?, undo_touched = ? WHERE id = ?').run(stamp, touched, importId);
}

/** The field catalogue is small (at most a few thousand fields): kept whole. */
export function recordCatalogue(db: Db, importId: number): void {
  snapshotRows(db, importId, 'customer_fields', 'true');
  snapshotRows(db, importId, 'canonical_field_types', 'true');
}

/**
 * The flags of the customers the import wrote, as they were (the validation
 * step replaces them next), one row per flagged customer: `customer_flags`
 * has no key of its own, so a customer's flags are kept as one JSON array.
 */
export function recordFlags(db: Db, importId: number): void {
  db.prepare(
    `INSERT INTO import_undo_rows (import_id, tbl, key, row)
     SELECT ?, 'customer_flags', f.customer_id,
       json_group_array(json_object('import_id', f.import_id, 'rule', f.rule, 'message', f.message, 'suggestion', f.suggestion))
     FROM customer_flags f JOIN customers c ON c.id = f.customer_id AND c.import_id = ?
     GROUP BY f.customer_id
     ON CONFLICT DO NOTHING`,
  ).run(importId, importId);
}

/**
 * The typed values of customers the import re-types without writing them (a
 * field it turned to text), as they were: only `typed` changes for them, so
 * only `typed` is kept. `scope` is SQL over `customers` aliased `t`.
 */
export function recordTyped(db: Db, importId: number, scope: string): void {
  db.prepare(
    `INSERT INTO import_undo_rows (import_id, tbl, key, row)
     SELECT ?, 'customers_typed', t.id, json_object('typed', t.typed) FROM customers t WHERE ${scope}
     ON CONFLICT DO NOTHING`,
  ).run(importId);
}

/** Orders and events still waiting for their customer, before an import may attach them (an index lookup on NULL). */
export function recordWaiting(db: Db, importId: number): void {
  for (const table of ['orders', 'events'] as const) {
    db.prepare(
      `INSERT INTO import_undo_rows (import_id, tbl, key, row)
       SELECT ?, '${table}_link', id, '{}' FROM ${table} WHERE customer_id IS NULL AND true
       ON CONFLICT DO NOTHING`,
    ).run(importId);
  }
}

/** Of the waiting rows recorded, forget those the import did not attach, so only the attached remain. */
export function keepAttached(db: Db, importId: number): void {
  for (const table of ['orders', 'events'] as const) {
    db.prepare(
      `DELETE FROM import_undo_rows WHERE import_id = ? AND tbl = '${table}_link'
         AND EXISTS (SELECT 1 FROM ${table} x WHERE x.id = import_undo_rows.key AND x.customer_id IS NULL)`,
    ).run(importId);
  }
}
