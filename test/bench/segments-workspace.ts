import { openDatabase, type Db } from '../../electron/workspace/db';
import { DEFAULT_CONTEXT } from '../../shared/fields/types';

/**
 * The workspace the segment benchmark (and the RFM recompute benchmark beside
 * it) runs on: SEG_CUSTOMERS customers, SEG_ORDERS orders over the three years
 * before the as-of date and SEG_EVENTS events over the last year, made by
 * recursive-CTE INSERTs in one transaction: customers, dates and amounts
 * drawn with SQLite's random() (independent draws: a rule's parts overlap by
 * chance, as in real data), event types and categories by hashing the row
 * number (a value written twice must be drawn once). The activity indexes are dropped while the rows
 * go in and built once after, as a bulk load should. No ANALYZE: the app
 * never runs one, so the query plans are the ones a user's workspace gets.
 */
export interface SegmentsWorkspaceSizes {
  customers: number;
  orders: number;
  events: number;
}

export const BENCH_AS_OF = '2026-06-30';

export const COUNTRIES = ['FR', 'DE', 'ES', 'IT', 'GB', 'US', 'NL', 'BE', 'PL', 'SE'] as const;
export const CATEGORIES = ['shoes', 'bags', 'dresses', 'shirts', 'jackets', 'hats', 'socks', 'belts'] as const;

export function sizesFromEnv(): SegmentsWorkspaceSizes {
  return {
    customers: Number(process.env.SEG_CUSTOMERS ?? 1_000_000),
    orders: Number(process.env.SEG_ORDERS ?? 5_000_000),
    events: Number(process.env.SEG_EVENTS ?? 10_000_000),
  };
}

const sqlList = (values: readonly string[]): string => `json_array(${values.map((value) => `'${value}'`).join(', ')})`;

/** Creates the workspace at `file` and fills it; returns the open connection and how long generation took. */
export function generateSegmentsWorkspace(file: string, sizes: SegmentsWorkspaceSizes): { db: Db; ms: number } {
  const started = performance.now();
  const db = openDatabase(file, { create: true });
  // A bulk load into a file nobody else has open: a rollback journal (WAL would write every page twice; appended
  // pages need no journal entry), no foreign-key look-ups (the rows are consistent by construction), no syncs, a
  // large page cache. better-sqlite3's defensive mode refuses journal_mode = OFF.
  const journal = db.pragma('journal_mode = DELETE', { simple: true });
  if (journal !== 'delete') throw new Error(`could not leave WAL for the bulk load (${String(journal)})`);
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('orders', 'events') AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  db.transaction(() => {
    for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
    // Country is typed like an import types it (canonical field, ISO code stored).
    db.prepare("UPDATE canonical_field_types SET locale = ? WHERE key = 'country'").run(JSON.stringify(DEFAULT_CONTEXT));
    db.exec(`
      WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ${sizes.customers})
      INSERT INTO customers (id, email, first_name, city, country, attributes, typed, created_at, updated_at)
      SELECT printf('C%07d', i), printf('c%07d@example.com', i), 'Customer', 'City ' || (i % 500),
             ${sqlList(COUNTRIES)} ->> (i % ${COUNTRIES.length}), '{}',
             json_object('country', json_object('code', ${sqlList(COUNTRIES)} ->> (i % ${COUNTRIES.length}), 'name', 'x')),
             '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
      FROM seq;
    `);
    // Orders: customer by a multiplicative hash of the row number; dates spread over 3 years back from the as-of day.
    db.exec(`
      WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ${sizes.orders})
      INSERT INTO orders (id, customer_id, customer_key, ordered_at, total, category)
      SELECT 'O' || i, c, c, date('${BENCH_AS_OF}', '-' || (abs(random()) % 1095) || ' days') || 'T' || printf('%02d', i % 24) || ':15:00Z',
             10 + abs(random()) % 290, ${sqlList(CATEGORIES)} ->> (abs(random()) % ${CATEGORIES.length})
      FROM (SELECT i, printf('C%07d', abs(random()) % ${sizes.customers}) AS c FROM seq);
    `);
    // Events over the last year: 60% product views, 15% cart adds, 20% email opens, 5% purchases.
    db.exec(`
      WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ${sizes.events})
      INSERT INTO events (customer_id, customer_key, type, occurred_at, properties, category)
      SELECT c, c, CASE WHEN t < 12 THEN 'product_view' WHEN t < 15 THEN 'cart_add' WHEN t < 19 THEN 'email_open' ELSE 'purchase' END,
             date('${BENCH_AS_OF}', '-' || (abs(random()) % 365) || ' days') || 'T' || printf('%02d', i % 24) || ':00:00Z',
             json_object('category', category, 'product', 'P' || (abs(random()) % 2000)), category
      FROM (SELECT i, printf('C%07d', abs(random()) % ${sizes.customers}) AS c, (i * 40503) % 1000033 % 20 AS t,
                   ${sqlList(CATEGORIES)} ->> ((i * 2654435761) % 1000003 % ${CATEGORIES.length}) AS category FROM seq);
    `);
    for (const { sql } of indexes) db.exec(sql);
  })();
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return { db, ms: performance.now() - started };
}
