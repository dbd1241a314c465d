import { ContractError } from '../../shared/contract/envelope';
import type { TemplateVersion, TemplateVersionMeta } from '../../shared/contract/schemas';
import { nowIso, type Db } from './db';

/** Autosaves within this long of a version's start land in that version rather than a new one. */
export const COALESCE_MS = 2 * 60 * 1000;

interface VersionRow {
  id: number;
  template_id: number;
  source: string;
  kind: TemplateVersionMeta['kind'];
  restored_from: number | null;
  sealed: number;
  created_at: string;
  saved_at: string;
}

const toMeta = (row: VersionRow): TemplateVersionMeta => ({
  id: row.id,
  templateId: row.template_id,
  kind: row.kind,
  restoredFrom: row.restored_from,
  createdAt: row.created_at,
  savedAt: row.saved_at,
  bytes: Buffer.byteLength(row.source, 'utf8'),
});

const latestVersion = (db: Db, templateId: number): VersionRow | undefined =>
  db.prepare('SELECT * FROM template_versions WHERE template_id = ? ORDER BY id DESC LIMIT 1').get(templateId) as VersionRow | undefined;

function insertVersion(
  db: Db,
  templateId: number,
  source: string,
  kind: VersionRow['kind'],
  { sealed, restoredFrom = null, at = nowIso() }: { sealed: boolean; restoredFrom?: number | null; at?: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO template_versions (template_id, source, kind, restored_from, sealed, created_at, saved_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(templateId, source, kind, restoredFrom, sealed ? 1 : 0, at, at).lastInsertRowid,
  );
}

/**
 * Record a save of `source` (the text before it was `previous`). While typing, saves arrive every second or
 * so; they land in the newest version until it is older than COALESCE_MS or sealed, so the history holds a
 * state every couple of minutes rather than one per keystroke pause.
 */
export function recordSave(db: Db, templateId: number, previous: string, source: string, now = new Date()): void {
  let latest = latestVersion(db, templateId);
  // Templates saved before history existed (or written by the demo generator) get their first text kept.
  if (!latest) {
    insertVersion(db, templateId, previous, 'original', { sealed: true, at: now.toISOString() });
    latest = latestVersion(db, templateId);
  }
  if (latest?.source === source) return;
  const open = latest && latest.kind === 'edit' && !latest.sealed && now.getTime() - Date.parse(latest.created_at) < COALESCE_MS;
  if (open) {
    db.prepare('UPDATE template_versions SET source = ?, saved_at = ? WHERE id = ?').run(source, now.toISOString(), latest!.id);
  } else {
    insertVersion(db, templateId, source, 'edit', { sealed: false, at: now.toISOString() });
  }
}

/** The first version of a new template. */
export const recordOriginal = (db: Db, templateId: number, source: string): void =>
  void insertVersion(db, templateId, source, 'original', { sealed: true });

/**
 * Close the version being coalesced, so the next save starts a new one. When the current text is in no
 * version yet, it becomes one: an explicit save or leaving a template always leaves a restorable state.
 */
export function sealLatest(db: Db, templateId: number, current: string): void {
  const latest = latestVersion(db, templateId);
  if (latest?.source === current) {
    db.prepare('UPDATE template_versions SET sealed = 1 WHERE id = ?').run(latest.id);
  } else {
    insertVersion(db, templateId, current, latest ? 'edit' : 'original', { sealed: true });
  }
}

/** A restore is a version of its own, sealed, pointing at the one it brought back. */
export const recordRestore = (db: Db, templateId: number, source: string, restoredFrom: number): void =>
  void insertVersion(db, templateId, source, 'restore', { sealed: true, restoredFrom });

export const listVersions = (db: Db, templateId: number): TemplateVersionMeta[] =>
  (db.prepare('SELECT * FROM template_versions WHERE template_id = ? ORDER BY id DESC').all(templateId) as VersionRow[]).map(toMeta);

export function getVersion(db: Db, versionId: number): TemplateVersion {
  const row = db.prepare('SELECT * FROM template_versions WHERE id = ?').get(versionId) as VersionRow | undefined;
  if (!row) throw new ContractError('not_found', `Version ${versionId} does not exist. Reopen the history to see the current list.`);
  return { ...toMeta(row), source: row.source };
}
