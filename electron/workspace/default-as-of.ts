import { todayIso } from '../../shared/scores/as-of-date';
import type { Db } from './db';

/**
 * The day a workspace evaluates segments and scores at when no as-of date is
 * given: the one it stores (the demo's reference day, the day after its last
 * activity, so its recency windows and tiers do not empty out as time passes),
 * else today.
 */
export function defaultAsOf(db: Db): string {
  const stored = db.prepare(`SELECT value FROM workspace_settings WHERE key = 'default_as_of'`).pluck().get() as string | undefined;
  return stored ?? todayIso();
}

export function setDefaultAsOf(db: Db, day: string): void {
  db.prepare(
    `INSERT INTO workspace_settings (key, value) VALUES ('default_as_of', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  ).run(day);
}
