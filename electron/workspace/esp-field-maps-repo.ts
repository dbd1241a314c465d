import type { EspFieldMap, EspId } from '../../shared/esp/esp';
import { type Db, nowIso } from './db';

/** The attribute names a workspace saved for one ESP (only those the user changed). */
export function savedFieldMap(db: Db, esp: EspId): EspFieldMap {
  const rows = db.prepare('SELECT token, attribute FROM esp_field_maps WHERE esp = ?').all(esp) as { token: string; attribute: string }[];
  return Object.fromEntries(rows.map((row) => [row.token, row.attribute]));
}

/** Save names (`attribute: null` forgets a saved name, so the suggestion applies again), in one transaction. */
export function saveFieldMap(db: Db, esp: EspId, entries: readonly { token: string; attribute: string | null }[]): void {
  const upsert = db.prepare(
    `INSERT INTO esp_field_maps (esp, token, attribute, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (esp, token) DO UPDATE SET attribute = excluded.attribute, updated_at = excluded.updated_at`,
  );
  const forget = db.prepare('DELETE FROM esp_field_maps WHERE esp = ? AND token = ?');
  const at = nowIso();
  db.transaction(() => {
    for (const { token, attribute } of entries) {
      if (attribute === null) forget.run(esp, token);
      else upsert.run(esp, token, attribute, at);
    }
  })();
}
