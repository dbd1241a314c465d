import type { SegmentRule } from '../../shared/segments/rule';
import type { RuleTree } from '../../shared/segments/rule-tree';
import type { Db } from '../workspace/db';

/**
 * Which customer a segment persona shows, remembered until the customers
 * change. Finding a segment's first member is a scan when the segment is
 * empty or rare (about 150 ms on a million customers), and previews ask on
 * every keystroke; customers only change through imports and their undo,
 * which record themselves in `imports` in the same transaction, so that table
 * (and the customers' highest rowid) is a cheap stamp of the customer data.
 */
export class SegmentMembers {
  private readonly byWorkspace = new WeakMap<Db, { stamp: string; first: Map<string, string | null> }>();

  /** The id of the segment's first member, or null; `find` runs only when the rule or the customers changed. */
  firstId(db: Db, rule: RuleTree | SegmentRule, find: () => string | null): string | null {
    const stamp = customersStamp(db);
    let entry = this.byWorkspace.get(db);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, first: new Map() };
      this.byWorkspace.set(db, entry);
    }
    const key = JSON.stringify(rule);
    if (entry.first.has(key)) return entry.first.get(key) ?? null;
    const id = find();
    entry.first.set(key, id);
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
