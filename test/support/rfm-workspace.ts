import type { Db } from '../../electron/workspace/db';
import type { RfmOrder } from '../../shared/scores/rfm/rfm-table';

/** Customers and orders straight into a workspace's tables: the RFM tests are about scoring, not importing. */
export function insertOrders(db: Db, orders: readonly RfmOrder[], extraCustomers: readonly string[] = []): void {
  const customer = db.prepare(`INSERT OR IGNORE INTO customers (id, created_at, updated_at) VALUES (?, '2026-01-01', '2026-01-01')`);
  const order = db.prepare(`INSERT INTO orders (id, customer_id, customer_key, ordered_at, total) VALUES (?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const id of extraCustomers) customer.run(id);
    orders.forEach((row, i) => {
      customer.run(row.customerId);
      order.run(`O${i + 1}`, row.customerId, row.customerId, row.orderedAt, row.amount);
    });
  })();
}
