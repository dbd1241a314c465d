import type { StoredPartial } from '../../shared/contract/authoring-schemas';
import { ContractError } from '../../shared/contract/envelope';
import { partialCycle } from '../../shared/templates/partial-cycle';
import { nowIso, type Db } from './db';

interface PartialRow {
  id: number;
  name: string;
  source: string;
  updated_at: string;
}

const toPartial = (row: PartialRow): StoredPartial => ({ id: row.id, name: row.name, source: row.source, updatedAt: row.updated_at });

export const listPartials = (db: Db): StoredPartial[] =>
  (db.prepare('SELECT id, name, source, updated_at FROM partials ORDER BY name').all() as PartialRow[]).map(toPartial);

/** Every partial by name: what the render workers look partials up in. */
export const partialSources = (db: Db): Record<string, string> =>
  Object.fromEntries(
    (db.prepare('SELECT name, source FROM partials').all() as { name: string; source: string }[]).map((r) => [r.name, r.source]),
  );

function getPartial(db: Db, id: number): StoredPartial {
  const row = db.prepare('SELECT id, name, source, updated_at FROM partials WHERE id = ?').get(id) as PartialRow | undefined;
  if (!row) throw new ContractError('not_found', `Partial ${id} does not exist. It may have been deleted.`);
  return toPartial(row);
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const clash = db.prepare('SELECT id FROM partials WHERE name = ?').pluck().get(name) as number | undefined;
  if (clash !== undefined && clash !== exceptId) {
    throw new ContractError('conflict', `A partial named "${name}" already exists. Pick another name.`);
  }
}

/** Create a partial, or (with an id) change its name and source. Templates refer to it by name, so a rename breaks their includes. */
export function savePartial(db: Db, input: { id?: number | undefined; name: string; source: string }): StoredPartial {
  assertNameFree(db, input.name, input.id);
  assertNoCycle(db, input);
  if (input.id === undefined) {
    const id = db
      .prepare('INSERT INTO partials (name, source, updated_at) VALUES (?, ?, ?)')
      .run(input.name, input.source, nowIso()).lastInsertRowid;
    return getPartial(db, Number(id));
  }
  getPartial(db, input.id);
  db.prepare('UPDATE partials SET name = ?, source = ?, updated_at = ? WHERE id = ?').run(input.name, input.source, nowIso(), input.id);
  return getPartial(db, input.id);
}

function assertNoCycle(db: Db, input: { id?: number | undefined; name: string; source: string }): void {
  const others = db.prepare('SELECT name, source FROM partials WHERE id IS NOT ?').all(input.id ?? null) as {
    name: string;
    source: string;
  }[];
  const sources: Record<string, string> = Object.fromEntries(others.map((row) => [row.name, row.source]));
  sources[input.name] = input.source;
  const cycle = partialCycle(sources, input.name);
  if (cycle) {
    throw new ContractError(
      'invalid_input',
      `Partial "${input.name}" would render itself (${cycle.join(' → ')}), which never ends. Remove one of these render or include tags.`,
    );
  }
}

export function deletePartial(db: Db, id: number): void {
  getPartial(db, id);
  db.prepare('DELETE FROM partials WHERE id = ?').run(id);
}
