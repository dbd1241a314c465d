import { nowIso, type Db } from '../../db';
import { resolveCustomerSql } from '../activity/link';
import { unlinkedRows } from '../activity/unlinked';
import type { CommitResult, Counters, ImportContext } from '../pipeline';
import { snapshotRows } from '../undo/pre-images';
import { recordStamp } from '../undo/record';

/**
 * The orders import's final transaction: upsert by order id, or by content
 * hash for an order the file gives no id (a re-import updates an order,
 * never duplicates it), keeping pre-images of the orders it updates for undo, linking each to its customer when
 * the workspace has it. An order whose customer is unknown is kept unlinked;
 * on a re-import that still cannot resolve it, an existing link stays.
 */
const UPSERT_ORDERS = `
  INSERT INTO orders (id, customer_id, customer_key, customer_email, ordered_at, total, currency, status, items, category, attributes, import_id)
  SELECT r ->> '$.order_id', ${resolveCustomerSql("(r ->> '$.customer_key')", "(r ->> '$.customer_email')")},
    r ->> '$.customer_key', r ->> '$.customer_email', r ->> '$.ordered_at', r ->> '$.total',
    coalesce(r ->> '$.currency', 'USD'), coalesce(r ->> '$.status', 'completed'), coalesce(r ->> '$.items', 1), r ->> '$.category',
    r -> '$.attributes', @importId
  FROM (SELECT line, record AS r FROM import_staging WHERE import_id = @importId ORDER BY line)
  WHERE true
  ON CONFLICT (id) DO UPDATE SET
    customer_id    = coalesce(excluded.customer_id, customer_id),
    customer_key   = excluded.customer_key,
    customer_email = excluded.customer_email,
    ordered_at     = excluded.ordered_at,
    total          = excluded.total,
    currency       = excluded.currency,
    status         = excluded.status,
    items          = excluded.items,
    category       = excluded.category,
    attributes     = json_patch(attributes, excluded.attributes),
    import_id      = excluded.import_id`;

function countNew(db: Db, importId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM import_staging s
       WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = s.record ->> '$.order_id')`,
    )
    .pluck()
    .get(importId) as number;
}

export function commitOrders({ db, importId }: ImportContext, counters: Counters): CommitResult {
  const created = countNew(db, importId);
  // Undo puts updated orders back as they were; an import that only creates orders keeps no pre-images.
  if (created < counters.rowsStaged) {
    snapshotRows(db, importId, 'orders', `t.id IN (SELECT record ->> '$.order_id' FROM import_staging WHERE import_id = ?)`, [importId]);
  }
  recordStamp(db, importId, nowIso(), counters.rowsStaged);
  db.prepare(UPSERT_ORDERS).run({ importId });
  const unlinked = unlinkedRows(db, importId, 'orders', "t.id = s.r ->> '$.order_id'");
  return { created, updated: counters.rowsStaged - created, warned: 0, unlinked };
}
