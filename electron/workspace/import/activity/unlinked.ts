import type { Db } from '../../db';
import type { CommitResult } from '../pipeline';
import { UNLINKED_SAMPLE } from './link';

/**
 * How many of this import's staged rows ended up without a customer, and the
 * first few (line, key). `joinOn` joins staging row `s` (record `r`) to the
 * stored row `t` it became.
 */
export function unlinkedRows(db: Db, importId: number, table: 'orders' | 'events', joinOn: string): NonNullable<CommitResult['unlinked']> {
  const from = `FROM (SELECT line, record AS r FROM import_staging WHERE import_id = ?) s JOIN ${table} t ON ${joinOn} WHERE t.customer_id IS NULL`;
  const count = db.prepare(`SELECT count(*) ${from}`).pluck().get(importId) as number;
  const sample =
    count === 0
      ? []
      : (db
          .prepare(`SELECT s.line AS line, t.customer_key AS customerKey ${from} ORDER BY s.line LIMIT ?`)
          .all(importId, UNLINKED_SAMPLE) as {
          line: number;
          customerKey: string;
        }[]);
  return { count, sample };
}
