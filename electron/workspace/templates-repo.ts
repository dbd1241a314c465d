import { ContractError } from '../../shared/contract/envelope';
import type { Template, TemplateMeta } from '../../shared/contract/schemas';
import { nowIso, type Db } from './db';

interface TemplateRow {
  id: number;
  name: string;
  source: string;
  created_at: string;
  updated_at: string;
}

const toTemplate = (row: TemplateRow): Template => ({
  id: row.id,
  name: row.name,
  source: row.source,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const listTemplates = (db: Db): TemplateMeta[] =>
  (db.prepare('SELECT id, name, updated_at FROM templates ORDER BY name COLLATE NOCASE').all() as TemplateRow[]).map((row) => ({
    id: row.id,
    name: row.name,
    updatedAt: row.updated_at,
  }));

export function getTemplate(db: Db, id: number): Template {
  const row = db.prepare('SELECT * FROM templates WHERE id = ?').get(id) as TemplateRow | undefined;
  if (!row) throw new ContractError('not_found', `Template ${id} does not exist. It may have been deleted.`);
  return toTemplate(row);
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const clash = db.prepare('SELECT id FROM templates WHERE name = ? COLLATE NOCASE').pluck().get(name) as number | undefined;
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
  return getTemplate(db, Number(id));
}

export function saveTemplate(db: Db, id: number, source: string): Template {
  const changed = db.prepare('UPDATE templates SET source = ?, updated_at = ? WHERE id = ?').run(source, nowIso(), id).changes;
  if (!changed)
    throw new ContractError('not_found', `Template ${id} does not exist, so it could not be saved. Copy your work into a new template.`);
  return getTemplate(db, id);
}

export function renameTemplate(db: Db, id: number, name: string): Template {
  getTemplate(db, id);
  assertNameFree(db, name, id);
  db.prepare('UPDATE templates SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), id);
  return getTemplate(db, id);
}

export function deleteTemplate(db: Db, id: number): void {
  if (!db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes) {
    throw new ContractError('not_found', `Template ${id} does not exist.`);
  }
}

/** A name not yet taken: "Untitled", "Untitled 2", … */
export function uniqueTemplateName(db: Db, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (db.prepare('SELECT 1 FROM templates WHERE name = ? COLLATE NOCASE').get(name) === undefined) return name;
  }
}
