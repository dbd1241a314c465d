import { DEFAULT_RFM_SETTINGS } from '../../../../shared/scores/rfm/default-tiers';
import { RfmSettings } from '../../../../shared/scores/rfm/settings';
import { nowIso, type Db } from '../../db';

/**
 * The workspace's RFM settings (migration 14), or the package's defaults
 * before any were saved. A stored value this version cannot read (edited by
 * hand, saved by a newer Tailor) reads as the defaults rather than failing
 * the view; saving replaces it.
 */
export function readRfmSettings(db: Db): RfmSettings {
  const stored = db.prepare(`SELECT settings FROM score_settings WHERE model = 'rfm'`).pluck().get() as string | undefined;
  if (stored === undefined) return structuredClone(DEFAULT_RFM_SETTINGS);
  const parsed = RfmSettings.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : structuredClone(DEFAULT_RFM_SETTINGS);
}

export function saveRfmSettings(db: Db, settings: RfmSettings): RfmSettings {
  db.prepare(
    `INSERT INTO score_settings (model, settings, updated_at) VALUES ('rfm', ?, ?)
     ON CONFLICT(model) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(settings), nowIso());
  return readRfmSettings(db);
}
