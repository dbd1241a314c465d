import type { CustomerActivity } from '../../../shared/scores/propensity/features';
import type { Db } from '../db';

/**
 * Per-customer aggregates of orders and events up to a day, computed in
 * SQLite (one grouped pass over each table) so a million customers never
 * arrive as rows of orders. A day is the calendar date an order or event
 * carries (the UTC day of a zoned time), counted in days since 1970-01-01;
 * a date SQLite cannot read gives NULL and is left out. Every order counts:
 * statuses are free text from the customer's own system.
 */

const DAY_OF = (column: string) => `CAST(julianday(substr(${column}, 1, 10)) - 2440587.5 AS INTEGER)`;

export interface PurchaseDays {
  customerId: string;
  /** Distinct days with an order. */
  purchaseDays: number;
  firstDay: number;
  lastDay: number;
}

/** Each customer with an order on or before `day`: distinct purchase days, first and last (what BG/NBD needs). */
export function readPurchaseDays(db: Db, day: number): IterableIterator<PurchaseDays> {
  return db
    .prepare(
      `SELECT customer_id AS customerId, COUNT(DISTINCT d) AS purchaseDays, MIN(d) AS firstDay, MAX(d) AS lastDay
       FROM (SELECT customer_id, ${DAY_OF('ordered_at')} AS d FROM orders WHERE customer_id IS NOT NULL)
       WHERE d <= ? GROUP BY customer_id`,
    )
    .iterate(day) as IterableIterator<PurchaseDays>;
}

/** Every customer with an order or an event on or before `day`, with what happened in the `windowDays` before it. */
export function readActivity(db: Db, day: number, windowDays: number): Map<string, CustomerActivity> {
  const since = day - windowDays;
  const activity = new Map<string, CustomerActivity>();
  const entry = (customerId: string): CustomerActivity => {
    let found = activity.get(customerId);
    if (!found) {
      found = {
        customerId,
        orders: 0,
        spend: 0,
        firstOrderDay: null,
        lastOrderDay: null,
        ordersInWindow: 0,
        events: 0,
        eventsInWindow: 0,
        firstEventDay: null,
        lastEventDay: null,
      };
      activity.set(customerId, found);
    }
    return found;
  };
  const orders = db
    .prepare(
      `SELECT customer_id AS customerId, COUNT(*) AS orders, TOTAL(total) AS spend, MIN(d) AS firstDay, MAX(d) AS lastDay,
              SUM(d > ?) AS inWindow
       FROM (SELECT customer_id, total, ${DAY_OF('ordered_at')} AS d FROM orders WHERE customer_id IS NOT NULL)
       WHERE d <= ? GROUP BY customer_id`,
    )
    .iterate(since, day) as IterableIterator<{
    customerId: string;
    orders: number;
    spend: number;
    firstDay: number;
    lastDay: number;
    inWindow: number;
  }>;
  for (const row of orders)
    Object.assign(entry(row.customerId), {
      orders: row.orders,
      spend: row.spend,
      firstOrderDay: row.firstDay,
      lastOrderDay: row.lastDay,
      ordersInWindow: row.inWindow,
    });
  const events = db
    .prepare(
      `SELECT customer_id AS customerId, COUNT(*) AS events, MIN(d) AS firstDay, MAX(d) AS lastDay, SUM(d > ?) AS inWindow
       FROM (SELECT customer_id, ${DAY_OF('occurred_at')} AS d FROM events WHERE customer_id IS NOT NULL)
       WHERE d <= ? GROUP BY customer_id`,
    )
    .iterate(since, day) as IterableIterator<{ customerId: string; events: number; firstDay: number; lastDay: number; inWindow: number }>;
  for (const row of events)
    Object.assign(entry(row.customerId), {
      events: row.events,
      firstEventDay: row.firstDay,
      lastEventDay: row.lastDay,
      eventsInWindow: row.inWindow,
    });
  return activity;
}

/** Customers with at least one order in (`after`, `through`]: the propensity label. */
export function readBuyersBetween(db: Db, after: number, through: number): Set<string> {
  const rows = db
    .prepare(
      `SELECT DISTINCT customer_id AS customerId FROM (SELECT customer_id, ${DAY_OF('ordered_at')} AS d FROM orders WHERE customer_id IS NOT NULL)
       WHERE d > ? AND d <= ?`,
    )
    .pluck()
    .all(after, through) as string[];
  return new Set(rows);
}
