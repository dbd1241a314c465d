import { CANONICAL_KEYS } from '../../shared/fields/canonical';
import type { Db } from './db';

/**
 * Per-field statistics (how many customers have a value, and a sample value),
 * cached in `field_stats` so `customers.fields` never scans customers.
 *
 * The cache is kept exact by three writers: the import committer (a delta
 * over the customers an import touched, in its final transaction), the demo
 * generator and `recomputeFieldStats` (a full pass). Any other change to
 * customers fires a trigger that marks the cache stale, and the next read
 * recomputes it, so a writer that forgets the cache costs time, never truth.
 *
 * The sample is a value some customer has: the smallest non-blank one after
 * a full pass; an import keeps it the smallest where that costs nothing and
 * otherwise picks the smallest value it wrote (see the committer).
 */

/** `customers.fields` lists at most this many custom fields; imports cannot register more. */
export const MAX_CUSTOM_FIELDS = 2000;

/**
 * SQL yielding (kind, key, filled, sample) over the customers in `rows` (a
 * table or a parenthesised subquery with the customers' columns). One pass
 * for the canonical columns, one over the attributes' JSON.
 */
export function fieldStatsSql(rows: string): string {
  const columns = CANONICAL_KEYS.map(
    (key) => `count(CASE WHEN trim(${key}) <> '' THEN 1 END) AS f_${key}, min(CASE WHEN trim(${key}) <> '' THEN ${key} END) AS s_${key}`,
  ).join(',\n    ');
  const canonical = CANONICAL_KEYS.map((key) => `SELECT 'canonical', '${key}', f_${key}, s_${key} FROM agg`).join('\n  UNION ALL ');
  return `
  WITH agg AS MATERIALIZED (SELECT
    ${columns}
    FROM ${rows})
  ${canonical}
  UNION ALL
  SELECT 'custom', j.key, count(*), min(j.value)
  FROM ${rows} AS c, json_each(c.attributes) AS j
  WHERE trim(j.value) <> ''
  GROUP BY j.key`;
}

/** Replace the whole cache with a full pass over customers and mark it fresh. */
export function recomputeFieldStats(db: Db): void {
  db.transaction(() => {
    db.exec(`DELETE FROM field_stats;
      INSERT INTO field_stats (kind, key, filled, sample) ${fieldStatsSql('customers')};
      UPDATE field_stats_state SET stale = 0;`);
  }).immediate();
}

export function fieldStatsStale(db: Db): boolean {
  return db.prepare('SELECT stale FROM field_stats_state').pluck().get() !== 0;
}

/** Mark the cache fresh again after a writer has updated it itself (the triggers marked it stale). */
export function markFieldStatsFresh(db: Db): void {
  db.prepare('UPDATE field_stats_state SET stale = 0').run();
}

export interface FieldStat {
  filled: number;
  sample: string | number | null;
}

/**
 * The cached statistics, recomputed first when something other than an import
 * changed customers. Keys are `${kind}:${key}`.
 */
export function readFieldStats(db: Db): Map<string, FieldStat> {
  if (fieldStatsStale(db)) recomputeFieldStats(db);
  const rows = db.prepare('SELECT kind, key, filled, sample FROM field_stats').all() as ({ kind: string; key: string } & FieldStat)[];
  return new Map(rows.map((row) => [`${row.kind}:${row.key}`, { filled: row.filled, sample: row.sample }]));
}
