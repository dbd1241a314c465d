import { nowIso } from '../../db';
import { resolveCustomerSql } from '../activity/link';
import { unlinkedRows } from '../activity/unlinked';
import type { CommitResult, Counters, ImportContext } from '../pipeline';
import { recordStamp } from '../undo/record';

/**
 * The events import's final transaction: insert each event once by content
 * hash (a re-import, or the same event twice in a file, adds nothing),
 * linking it to its customer when the workspace has it and keeping it
 * unlinked otherwise. The category is also copied to its own column, which
 * segment rules read through an index (migration 14).
 */
const INSERT_EVENTS = `
  INSERT INTO events (customer_id, customer_key, customer_email, type, occurred_at, properties, content_hash, import_id, category)
  SELECT ${resolveCustomerSql("(r ->> '$.customer_key')", "(r ->> '$.customer_email')")},
    r ->> '$.customer_key', r ->> '$.customer_email', r ->> '$.type', r ->> '$.occurred_at', r -> '$.properties', r ->> '$.hash', @importId,
    r ->> '$.properties.category'
  FROM (SELECT line, record AS r FROM import_staging WHERE import_id = @importId ORDER BY line)
  WHERE true
  ON CONFLICT (content_hash) DO NOTHING`;

export function commitEvents({ db, importId }: ImportContext, counters: Counters): CommitResult {
  const created = db.prepare(INSERT_EVENTS).run({ importId }).changes;
  // Events are never updated, so undo only deletes the ones this import inserted.
  recordStamp(db, importId, nowIso(), created);
  const unlinked = unlinkedRows(db, importId, 'events', "t.content_hash = s.r ->> '$.hash'");
  return { created, updated: counters.rowsStaged - created, warned: 0, unlinked };
}
