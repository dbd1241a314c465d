import type { Db } from './db';

const generations = new WeakMap<Db, number>();

/**
 * Caches of derived data (segment counts, computed tokens, first members)
 * key on cheap stamps read from the workspace: imports, rowids, run and
 * segment timestamps. A few writes change what those caches hold in place,
 * without touching anything a stamp reads: a field re-typed slice by slice,
 * a cluster renamed. Those writes call `noteWrite` after each commit, and
 * the stamps include `writeGeneration`, so no cache outlives them. In memory
 * per connection, because the caches are too.
 */
export function noteWrite(db: Db): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

export const writeGeneration = (db: Db): number => generations.get(db) ?? 0;
