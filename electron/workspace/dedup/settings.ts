import { SurvivorshipConfig } from '../../../shared/contract/schemas';
import { DEFAULT_SURVIVORSHIP, type SurvivorshipConfig as Config } from '../../../shared/dedup/survivorship';
import type { Db } from '../db';

/** The workspace's survivorship settings; the default until someone saves theirs, or when the stored ones cannot be read. */
export function readSurvivorship(db: Db): Config {
  const stored = db.prepare('SELECT rules FROM dedup_settings WHERE id = 1').pluck().get() as string | undefined;
  if (stored === undefined) return DEFAULT_SURVIVORSHIP;
  try {
    const parsed = SurvivorshipConfig.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_SURVIVORSHIP;
  } catch {
    return DEFAULT_SURVIVORSHIP;
  }
}

export function saveSurvivorship(db: Db, config: Config): Config {
  db.prepare('INSERT INTO dedup_settings (id, rules) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET rules = excluded.rules').run(
    JSON.stringify(config),
  );
  return config;
}
