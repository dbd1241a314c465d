import { CANONICAL_KEYS } from '../../shared/fields/canonical';
import type { Db } from './db';

/** How many customers the samples are read from: enough for variety, few enough to cost a few ms at any size. */
const SAMPLE_ROWS = 1000;
const PER_FIELD = 3;

/**
 * A few distinct values per field (`${kind}:${key}`), the most frequent first,
 * read from the first customers only, so hover and completion can say
 * "e.g. Ana, Li" without scanning a million rows. A rare field may have none.
 */
export function fieldSamples(db: Db): Map<string, string[]> {
  const canonical = CANONICAL_KEYS.map((key) => `SELECT 'canonical:${key}' AS k, ${key} AS v FROM firsts`).join(' UNION ALL ');
  const rows = db
    .prepare(
      `WITH firsts AS MATERIALIZED (SELECT * FROM customers LIMIT ?),
       cells AS (${canonical}
         UNION ALL SELECT 'custom:' || j.key, j.value FROM firsts, json_each(firsts.attributes) AS j)
       SELECT k, CAST(v AS TEXT) AS v, count(*) AS n FROM cells WHERE trim(v) <> '' GROUP BY k, v ORDER BY k, n DESC, v`,
    )
    .all(SAMPLE_ROWS) as { k: string; v: string }[];
  const samples = new Map<string, string[]>();
  for (const { k, v } of rows) {
    const list = samples.get(k) ?? [];
    if (list.length < PER_FIELD) list.push(v.length > 40 ? `${v.slice(0, 39)}…` : v);
    samples.set(k, list);
  }
  return samples;
}
