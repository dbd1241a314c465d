import { PURCHASE_EVENT, type IntentSettings } from '../../../../shared/scores/intent/intent-settings';
import { intentWindow } from '../../../../shared/scores/intent/intent-weight';

/**
 * Every customer's intent score as one query: the weighted events of the
 * window, each decayed by its age in whole days when a half-life is set
 * (`eventContribution` is the definition), summed per customer; customers
 * without a weighted event score 0. Weights travel as a JSON parameter, so
 * event type names never reach the SQL text. Times are compared as text
 * against ISO bounds (stored values are ISO days or instants).
 *
 * `NOT INDEXED`: left alone, SQLite walks `events_customer` to group without
 * sorting, which reads every event row out of order; a straight scan with a
 * sort is about three times faster (a million events: 2 s instead of 6 s).
 *
 * Purchases usually arrive as orders, not as `purchase` events, so each order
 * of the window is a `purchase` too, unless the workspace records purchases
 * as events (then its orders would count each purchase twice).
 */
export function intentScoresSql(settings: IntentSettings): { sql: string; params: unknown[] } {
  const { from, until } = intentWindow(settings);
  const decay = settings.halfLifeDays === null ? '1.0' : 'pow(0.5, (julianday(@asOf) - julianday(date(e.occurred_at))) / @halfLife)';
  return {
    sql: `WITH weights(type, weight) AS (SELECT key, value FROM json_each(@weights)),
      activity(customer_id, type, occurred_at) AS (
        SELECT customer_id, type, occurred_at FROM events NOT INDEXED
        WHERE customer_id IS NOT NULL AND occurred_at >= @from AND occurred_at < @until
        UNION ALL
        SELECT customer_id, '${PURCHASE_EVENT}', ordered_at FROM orders NOT INDEXED
        WHERE customer_id IS NOT NULL AND ordered_at >= @from AND ordered_at < @until
          AND NOT EXISTS (SELECT 1 FROM events WHERE type = '${PURCHASE_EVENT}')),
      scored AS (
        SELECT e.customer_id, sum(w.weight * ${decay}) AS score, count(*) AS events
        FROM activity e JOIN weights w ON w.type = e.type
        GROUP BY e.customer_id)
      SELECT c.id AS customer_id, coalesce(s.score, 0.0) AS value, coalesce(s.events, 0) AS events
      FROM customers c LEFT JOIN scored s ON s.customer_id = c.id`,
    params: [{ weights: JSON.stringify(settings.weights), from, until, asOf: settings.asOf, halfLife: settings.halfLifeDays }],
  };
}

/** Event types in the window that carry no weight, most frequent first. */
export function unweightedTypesSql(settings: IntentSettings): { sql: string; params: unknown[] } {
  const { from, until } = intentWindow(settings);
  return {
    sql: `SELECT type, count(*) AS count FROM events NOT INDEXED
      WHERE customer_id IS NOT NULL AND occurred_at >= @from AND occurred_at < @until
        AND type NOT IN (SELECT key FROM json_each(@weights))
      GROUP BY type ORDER BY count DESC, type LIMIT 20`,
    params: [{ weights: JSON.stringify(settings.weights), from, until }],
  };
}
