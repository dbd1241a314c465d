import { addDays } from '../../../../shared/scores/as-of-date';
import { CLUSTER_FEATURES, type ClusterFeature } from '../../../../shared/scores/clusters/cluster-features';
import type { ClusterSettings } from '../../../../shared/scores/clusters/cluster-run';
import type { Db } from '../../db';

export interface CustomerFeatures {
  ids: string[];
  /** Whether the customer has an order before the as-of date. */
  hasOrders: Uint8Array;
  /** Each feature's raw value per customer, in `ids` order. */
  columns: Record<ClusterFeature, Float64Array>;
}

/**
 * Every customer's behaviour at the as-of date, aggregated in SQL: orders
 * up to the as-of day (recency, frequency, revenue, tenure, average order)
 * and events in the engagement window ending on it. Day counts are whole
 * days between calendar dates; nothing after the as-of date counts.
 * Orders are scanned in table order (`NOT INDEXED`): `orders_customer` does
 * not hold the amount, so grouping through it reads every order out of order.
 */
export function readFeatures(db: Db, settings: Pick<ClusterSettings, 'asOf' | 'engagementDays'>): CustomerFeatures {
  const until = addDays(settings.asOf, 1);
  const from = addDays(settings.asOf, 1 - settings.engagementDays);
  const rows = db
    .prepare(
      `WITH o AS (
         SELECT customer_id, count(*) AS n, sum(total) AS revenue, min(ordered_at) AS first, max(ordered_at) AS last
         FROM orders NOT INDEXED WHERE customer_id IS NOT NULL AND ordered_at < @until GROUP BY customer_id),
       e AS (
         SELECT customer_id, count(*) AS n FROM events
         WHERE customer_id IS NOT NULL AND occurred_at >= @from AND occurred_at < @until GROUP BY customer_id)
       SELECT c.id,
         o.n IS NOT NULL,
         coalesce(max(0, julianday(@asOf) - julianday(date(o.last))), 0),
         coalesce(o.n, 0),
         coalesce(o.revenue, 0),
         coalesce(max(0, julianday(@asOf) - julianday(min(coalesce(date(o.first), date(c.created_at)), date(c.created_at)))), 0),
         coalesce(e.n, 0),
         coalesce(o.revenue / o.n, 0)
       FROM customers c LEFT JOIN o ON o.customer_id = c.id LEFT JOIN e ON e.customer_id = c.id
       ORDER BY c.id`,
    )
    .raw()
    .all({ asOf: settings.asOf, from, until }) as [string, number, ...number[]][];
  const n = rows.length;
  const columns = Object.fromEntries(CLUSTER_FEATURES.map((feature) => [feature, new Float64Array(n)])) as Record<
    ClusterFeature,
    Float64Array
  >;
  const ids = new Array<string>(n);
  const hasOrders = new Uint8Array(n);
  rows.forEach((row, i) => {
    ids[i] = row[0];
    hasOrders[i] = row[1];
    CLUSTER_FEATURES.forEach((feature, j) => {
      columns[feature][i] = row[j + 2] as number;
    });
  });
  return { ids, hasOrders, columns };
}

/** A customer's name as the studio shows it, for the medoid persona's label. */
export function displayName(db: Db, id: string): string {
  const row = db.prepare('SELECT first_name, last_name, email FROM customers WHERE id = ?').get(id) as
    { first_name: string | null; last_name: string | null; email: string | null } | undefined;
  const name = [row?.first_name, row?.last_name].filter(Boolean).join(' ');
  return name || row?.email || id;
}
