import { ContractError } from '../../shared/contract/envelope';
import type { Template, TemplateMeta, TrashedTemplate } from '../../shared/contract/schemas';
import { nowIso, type Db } from './db';
import { getVersion, recordOriginal, recordRestore, recordSave, sealLatest } from './template-versions-repo';
import { textFingerprint } from '../../shared/templates/text-hash';

interface TemplateRow {
  id: number;
  name: string;
  source: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const toTemplate = (row: TemplateRow): Template => ({
  id: row.id,
  name: row.name,
  source: row.source,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Live templates only: trashed ones are listed by `listTrash`. */
export const listTemplates = (db: Db): TemplateMeta[] =>
  (
    db.prepare('SELECT id, name, updated_at FROM templates WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as TemplateRow[]
  ).map((row) => ({
    id: row.id,
    name: row.name,
    updatedAt: row.updated_at,
  }));

const findRow = (db: Db, id: number): TemplateRow | undefined =>
  db.prepare('SELECT * FROM templates WHERE id = ?').get(id) as TemplateRow | undefined;

export function getTemplate(db: Db, id: number): Template {
  const row = findRow(db, id);
  if (!row) throw new ContractError('not_found', `Template ${id} does not exist. It may have been deleted.`);
  if (row.deleted_at !== null)
    throw new ContractError('not_found', `The template "${row.name}" is in the trash. Restore it from the trash to use it.`);
  return toTemplate(row);
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const clash = db.prepare('SELECT id FROM templates WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').pluck().get(name) as
    number | undefined;
  if (clash !== undefined && clash !== exceptId) {
    throw new ContractError('conflict', `A template named "${name}" already exists. Pick another name.`);
  }
}

export function createTemplate(db: Db, name: string, source: string): Template {
  assertNameFree(db, name);
  const now = nowIso();
  const id = db
    .prepare('INSERT INTO templates (name, source, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(name, source, now, now).lastInsertRowid;
  recordOriginal(db, Number(id), source);
  return getTemplate(db, Number(id));
}

/** Save the text and keep it in the template's history (coalesced while typing; see recordSave). */
/**
 * Save an editor's text. `base` fingerprints the text that editor last saw stored: when the stored text is
 * another (a second window saved meanwhile), it is sealed into a version of its own first, so the last save
 * wins without the other window's work leaving the history (it would otherwise be coalesced away).
 */
export function saveTemplate(db: Db, id: number, source: string, base?: string): Template & { replacedOther?: boolean } {
  return db.transaction(() => {
    const row = findRow(db, id);
    if (!row)
      throw new ContractError('not_found', `Template ${id} does not exist, so it could not be saved. Copy your work into a new template.`);
    if (row.deleted_at !== null)
      throw new ContractError('not_found', `The template "${row.name}" is in the trash, so it could not be saved. Restore it first.`);
    const replacedOther = base !== undefined && base !== textFingerprint(row.source) && row.source !== source;
    if (replacedOther) sealLatest(db, id, row.source);
    db.prepare('UPDATE templates SET source = ?, updated_at = ? WHERE id = ?').run(source, nowIso(), id);
    recordSave(db, id, row.source, source);
    return { ...getTemplate(db, id), ...(replacedOther ? { replacedOther } : {}) };
  })();
}

/** Close the version being coalesced: an explicit save, or the author leaving the template. */
export function checkpointTemplate(db: Db, id: number): void {
  db.transaction(() => sealLatest(db, id, getTemplate(db, id).source))();
}

/** Make an old version current. The text it replaces is kept first, so restoring can itself be undone. */
export function restoreTemplateVersion(db: Db, versionId: number): Template {
  return db.transaction(() => {
    const version = getVersion(db, versionId);
    const current = getTemplate(db, version.templateId);
    sealLatest(db, current.id, current.source);
    db.prepare('UPDATE templates SET source = ?, updated_at = ? WHERE id = ?').run(version.source, nowIso(), current.id);
    recordRestore(db, current.id, version.source, version.id);
    return getTemplate(db, current.id);
  })();
}

export function renameTemplate(db: Db, id: number, name: string): Template {
  getTemplate(db, id);
  assertNameFree(db, name, id);
  db.prepare('UPDATE templates SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), id);
  return getTemplate(db, id);
}

/** Move a template to the trash; its text and history stay until it is restored. */
export function deleteTemplate(db: Db, id: number): void {
  db.transaction(() => {
    const current = getTemplate(db, id);
    sealLatest(db, id, current.source);
    db.prepare('UPDATE templates SET deleted_at = ? WHERE id = ?').run(nowIso(), id);
  })();
}

export const listTrash = (db: Db): TrashedTemplate[] =>
  (db.prepare('SELECT * FROM templates WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC').all() as TemplateRow[]).map(
    (row) => ({ id: row.id, name: row.name, updatedAt: row.updated_at, deletedAt: row.deleted_at ?? '' }),
  );

/** Bring a template back; if a live template took its name meanwhile, it comes back as "Name (restored)". */
export function restoreTemplate(db: Db, id: number): Template {
  return db.transaction(() => {
    const row = findRow(db, id);
    if (!row || row.deleted_at === null) throw new ContractError('not_found', `Template ${id} is not in the trash.`);
    const name = uniqueTemplateName(db, row.name, `${row.name} (restored)`);
    db.prepare('UPDATE templates SET deleted_at = NULL, name = ? WHERE id = ?').run(name, id);
    return getTemplate(db, id);
  })();
}

/** A name not yet taken by a live template: "Untitled", "Untitled 2", … (or `first`, when given, before the numbers). */
export function uniqueTemplateName(db: Db, base: string, first?: string): string {
  const taken = (name: string) =>
    db.prepare('SELECT 1 FROM templates WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').get(name) !== undefined;
  if (!taken(base)) return base;
  if (first !== undefined && !taken(first)) return first;
  for (let n = 2; ; n++) {
    const name = `${first ?? base} ${n}`;
    if (!taken(name)) return name;
  }
}
