import type { Db } from '../workspace/db';
import { defaultAsOf } from '../workspace/default-as-of';
import { writeGeneration } from '../workspace/write-generation';

/**
 * Which customer a segment persona shows, remembered until the data it
 * depends on changes (`segmentDataStamp`). Finding a segment's first member is a scan when the segment is
 * empty or rare (about 150 ms on a million customers), and previews ask on
 * every keystroke; customers only change through imports and their undo,
 * which record themselves in `imports` in the same transaction, so that table
 * (and the customers' highest rowid) is a cheap stamp of the customer data.
 */
export class SegmentMembers {
  private readonly byWorkspace = new WeakMap<Db, { stamp: string; first: Map<string, string | null> }>();

  /**
   * The id of the first member of what `key` names (a segment and its rule), or null; `find` runs only when
   * the key is new or the data changed.
   */
  firstId(db: Db, key: unknown, find: () => string | null): string | null {
    const stamp = segmentDataStamp(db);
    let entry = this.byWorkspace.get(db);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, first: new Map() };
      this.byWorkspace.set(db, entry);
    }
    const text = JSON.stringify(key);
    if (entry.first.has(text)) return entry.first.get(text) ?? null;
    const id = find();
    entry.first.set(text, id);
    return id;
  }
}

/** A cheap stamp that changes whenever the customers do (an import, its undo, a new row). */
export function customersStamp(db: Db): string {
  const imports = db
    // An undo (undone_at) changes customers without a new import or a new row.
    .prepare(
      `SELECT count(*) || ':' || coalesce(max(finished_at), '') || ':' || coalesce(max(undone_at), '') FROM imports WHERE status = 'succeeded'`,
    )
    .pluck()
    .get();
  const rows = db.prepare('SELECT coalesce(max(rowid), 0) FROM customers').pluck().get();
  return `${String(imports)}/${String(rows)}`;
}

/**
 * A cheap stamp of the computed scores: the customers (a deleted customer takes their scores along), the score
 * runs (a model recomputed), merges, and the writes that change values in place (`writeGeneration`: a cluster
 * renamed, a field re-typed).
 */
export function scoresStamp(db: Db): string {
  const runs = db.prepare(`SELECT coalesce(group_concat(model || '@' || computed_at), '') FROM score_runs`).pluck().get();
  const merges = db
    .prepare(`SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(undone_at), '') FROM dedup_merges`)
    .pluck()
    .get();
  return `${customersStamp(db)}|${String(runs)}|${String(merges)}|${writeGeneration(db)}`;
}

/**
 * Everything a segment's members depend on beyond its own rule: the customers, every segment's rule and
 * snapshot (membership conditions; a refresh re-takes a static snapshot without touching updated_at), the
 * scores (score conditions; `scoresStamp`, which also covers merges and in-place writes such as a re-typed
 * field), and the default as-of day (relative windows of segments without an as-of date; today unless the workspace
 * keeps its own).
 */
export function segmentDataStamp(db: Db): string {
  const segments = db
    .prepare(
      `SELECT count(*) || ':' || coalesce(group_concat(id || '@' || updated_at || '@' || coalesce(refreshed_at, '')), '') FROM segments`,
    )
    .pluck()
    .get();
  return `${scoresStamp(db)}|${String(segments)}|${defaultAsOf(db)}`;
}
