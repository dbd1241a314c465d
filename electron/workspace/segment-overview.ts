import { ContractError } from '../../shared/contract/envelope';
import type { SegmentOverview } from '../../shared/contract/schemas';
import type { Db } from './db';
import { defaultAsOf } from './default-as-of';
import { segmentFilter, segmentHeads } from './segments-repo';

/**
 * Sizes and pairwise overlaps of every segment at one as-of date. Each
 * segment's members are materialised once into a temporary table keyed by
 * customer id, and the overlaps are joins of those (n² small merges rather
 * than n² rule evaluations), so it scales with the number of members, not
 * with the rules' cost. Static segments use their snapshots. The temporary
 * tables live on this connection only and are dropped before returning.
 */
export function segmentOverview(db: Db, asOf: string | null): SegmentOverview {
  const date = asOf ?? defaultAsOf(db);
  const segments = segmentHeads(db);
  const tables: string[] = [];
  try {
    const counts = segments.map((segment, index) => {
      const table = `temp.tailor_overview_${index}`;
      tables.push(table);
      db.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (customer_id TEXT PRIMARY KEY) WITHOUT ROWID`);
      try {
        const filter = segmentFilter(db, segment.id, asOf);
        return db.prepare(`INSERT INTO ${table} SELECT customers.id FROM customers WHERE ${filter.where}`).run(...filter.params).changes;
      } catch (error) {
        // A segment whose rule no longer compiles is listed empty, as the segment list shows it.
        if (error instanceof ContractError) return 0;
        throw error;
      }
    });
    const overlaps = segments.map((_, i) =>
      segments.map((__, j) => {
        if (i === j) return counts[i] ?? 0;
        if (j < i) return -1;
        return db.prepare(`SELECT count(*) FROM ${tables[i]} a JOIN ${tables[j]} b USING (customer_id)`).pluck().get() as number;
      }),
    );
    // The matrix is symmetric: fill the lower half from the upper.
    for (let i = 0; i < overlaps.length; i++) {
      const row = overlaps[i] ?? [];
      for (let j = 0; j < i; j++) row[j] = overlaps[j]?.[i] ?? 0;
    }
    return {
      asOf: date,
      segments: segments.map((segment, index) => ({
        id: segment.id,
        name: segment.name,
        kind: segment.kind,
        count: counts[index] ?? 0,
        previousCount: segment.previousCount,
        refreshedAt: segment.refreshedAt,
      })),
      overlaps,
    };
  } finally {
    for (const table of tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}
