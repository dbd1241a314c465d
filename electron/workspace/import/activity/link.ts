import type { Db } from '../../db';
import { survivorOfSql } from '../../dedup/survivor-sql';

/**
 * Linking orders and events to customers. A row names its customer by key
 * (external id) and/or email; it links to the customer with that id (or, for
 * an id de-duplication merged away, to its survivor), else to
 * the earliest customer with that email (case-insensitive, as customers are
 * matched on import). A row with no such customer is kept with customer_id
 * NULL and attaches when a later customer import brings that customer in.
 */

export type ActivityTable = 'orders' | 'events';

/** SQL for the customer a (key, email) pair resolves to, or NULL. */
export const resolveCustomerSql = (key: string, email: string): string => `coalesce(
    (SELECT c.id FROM customers c WHERE c.id = ${survivorOfSql(key)}),
    (SELECT c.id FROM customers c WHERE ${email} IS NOT NULL AND c.email = ${email} COLLATE NOCASE ORDER BY c.created_at, c.id LIMIT 1))`;

/**
 * Attach every unlinked row of `table` whose customer now exists. Walks only
 * the unlinked rows (orders_customer / events_customer index on NULL), each
 * resolved by index lookups, so it costs nothing when nothing waits.
 */
export function linkPending(db: Db, table: ActivityTable): number {
  return db
    .prepare(
      `UPDATE ${table} SET customer_id = r.cid
       FROM (SELECT rowid AS rid, ${resolveCustomerSql('p.customer_key', 'p.customer_email')} AS cid
             FROM ${table} p WHERE p.customer_id IS NULL) r
       WHERE ${table}.rowid = r.rid AND r.cid IS NOT NULL`,
    )
    .run().changes;
}

/** After customers changed: attach waiting orders and events; returns how many attached. */
export function linkAllPending(db: Db): number {
  return linkPending(db, 'orders') + linkPending(db, 'events');
}

export const UNLINKED_SAMPLE = 10;
