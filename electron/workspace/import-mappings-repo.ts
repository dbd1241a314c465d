import { createHash } from 'node:crypto';
import type { ImportEntityName, ImportSettings } from '../../shared/contract/schemas';
import { compactHeader } from '../../shared/fields/naming';
import { MappingFile, mappingFileOf, settingsOf } from '../../shared/imports/mapping-file';
import { nowIso, type Db } from './db';

/**
 * Import mappings saved per header signature, so the next file with the
 * same header row is mapped the way the user last confirmed.
 */

/**
 * A header row's signature for one entity: the headers normalised (case,
 * accents, punctuation and spacing do not count; order does), hashed. A
 * re-export from the same platform has the same signature.
 */
export function headerSignature(entity: ImportEntityName, header: readonly string[]): string {
  const normalised = header.map((cell) => compactHeader(cell.replace(/^\uFEFF/, ''))).join('\u001f');
  return createHash('sha256').update(`${entity}\n${normalised}`).digest('hex');
}

export interface SavedMapping {
  settings: ImportSettings;
  savedAt: string;
}

export function findSavedMapping(db: Db, entity: ImportEntityName, header: readonly string[]): SavedMapping | null {
  const row = db
    .prepare('SELECT settings, saved_at AS savedAt FROM import_mappings WHERE signature = ? AND entity = ?')
    .get(headerSignature(entity, header), entity) as { settings: string; savedAt: string } | undefined;
  if (!row) return null;
  // A row this version cannot read (written by a newer Tailor) is no proposal at all, not an error.
  const parsed = MappingFile.safeParse(JSON.parse(row.settings));
  return parsed.success ? { settings: settingsOf(parsed.data), savedAt: row.savedAt } : null;
}

/** Saves (or replaces) the mapping for this header; called when an import with it succeeded. */
export function saveMapping(
  db: Db,
  entity: ImportEntityName,
  header: readonly string[],
  settings: ImportSettings & { columns: NonNullable<ImportSettings['columns']> },
): void {
  db.prepare(
    `INSERT INTO import_mappings (signature, entity, settings, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (signature, entity) DO UPDATE SET settings = excluded.settings, saved_at = excluded.saved_at`,
  ).run(headerSignature(entity, header), entity, JSON.stringify(mappingFileOf(entity, settings)), nowIso());
}
