import type { Db } from './db';

/**
 * Compaction (VACUUM) rewrites the whole file, so it runs on request and,
 * automatically, only when at least this share of the file is free pages
 * (after a large deletion or an interrupted import dropped its staging rows).
 */
export const AUTO_COMPACT_FREE_SHARE = 0.25;
/** Below this size the waste is not worth a rewrite. */
export const AUTO_COMPACT_MIN_BYTES = 4 * 1024 * 1024;

export interface SpaceUse {
  bytes: number;
  freeBytes: number;
}

/** Reads two header counters: cheap enough to check on every open and close. */
export function spaceUse(db: Db): SpaceUse {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return { bytes: pages * pageSize, freeBytes: free * pageSize };
}

export const isWasteful = ({ bytes, freeBytes }: SpaceUse): boolean =>
  bytes >= AUTO_COMPACT_MIN_BYTES && freeBytes >= bytes * AUTO_COMPACT_FREE_SHARE;

/** Rewrite the file without its free pages, and fold the WAL back in so the saving shows on disk. */
export function compact(db: Db): { before: number; after: number } {
  const before = spaceUse(db).bytes;
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { before, after: spaceUse(db).bytes };
}

export function compactIfWasteful(db: Db): boolean {
  if (!isWasteful(spaceUse(db))) return false;
  compact(db);
  return true;
}
