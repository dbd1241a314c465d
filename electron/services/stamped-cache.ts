import type { Db } from '../workspace/db';

/**
 * Answers derived from a workspace's data (segment counts, the names the
 * rule builder offers, the labels a score holds), remembered per connection
 * until `stampOf` says the data they come from changed. The stamp is a few
 * cheap reads (see segment-members.ts), so a call with nothing changed costs
 * those reads instead of a scan of a million rows.
 */
export class StampedCache<V> {
  private readonly byWorkspace = new WeakMap<Db, { stamp: string; values: Map<string, { value: V }> }>();

  constructor(private readonly stampOf: (db: Db) => string) {}

  /** The values for the workspace's current data state: read the stamp once, then `get` as often as needed. */
  current(db: Db): { get(key: string, compute: () => V): V } {
    const stamp = this.stampOf(db);
    let entry = this.byWorkspace.get(db);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, values: new Map() };
      this.byWorkspace.set(db, entry);
    }
    const { values } = entry;
    return {
      get(key, compute) {
        const hit = values.get(key);
        if (hit) return hit.value;
        const value = compute();
        values.set(key, { value });
        return value;
      },
    };
  }

  get(db: Db, key: string, compute: () => V): V {
    return this.current(db).get(key, compute);
  }
}
