import { ContractError } from '../../shared/contract/envelope';
import type { Persona, PersonaSource } from '../../shared/contract/schemas';
import type { Db } from './db';

interface PersonaRow {
  id: number;
  label: string;
  kind: 'customer' | 'segment' | 'profile';
  customer_id: string | null;
  segment_id: number | null;
  /** A hand-made persona's fields (JSON), migration 19. */
  profile: string | null;
  position: number;
}

/** A stored profile that is not an object of texts reads as empty rather than failing the list. */
function readProfile(json: string | null): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

function toPersona(row: PersonaRow): Persona {
  // A segment persona keeps the member it shows (next / previous / random) in customer_id.
  const source: PersonaSource =
    row.kind === 'customer'
      ? { kind: 'customer', customerId: row.customer_id ?? '' }
      : row.kind === 'profile'
        ? { kind: 'profile', profile: readProfile(row.profile) }
        : { kind: 'segment', segmentId: row.segment_id ?? 0, ...(row.customer_id ? { memberId: row.customer_id } : {}) };
  return { id: row.id, label: row.label, source, position: row.position };
}

export const listPersonas = (db: Db): Persona[] =>
  (db.prepare('SELECT * FROM personas ORDER BY position, id').all() as PersonaRow[]).map(toPersona);

export function savePersona(db: Db, input: { id?: number | undefined; label: string; source: PersonaSource }): Persona {
  if (input.source.kind === 'segment' && db.prepare('SELECT 1 FROM segments WHERE id = ?').get(input.source.segmentId) === undefined) {
    throw new ContractError('not_found', `Segment ${input.source.segmentId} does not exist.`);
  }
  // A segment persona keeps the member it shows (next / previous / random) in customer_id.
  const customerId =
    input.source.kind === 'customer' ? input.source.customerId : input.source.kind === 'segment' ? (input.source.memberId ?? null) : null;
  const segmentId = input.source.kind === 'segment' ? input.source.segmentId : null;
  const profile = input.source.kind === 'profile' ? JSON.stringify(input.source.profile) : null;
  if (input.id === undefined) {
    const position = (db.prepare('SELECT COALESCE(max(position) + 1, 0) FROM personas').pluck().get() as number) ?? 0;
    const id = db
      .prepare('INSERT INTO personas (label, kind, customer_id, segment_id, position, profile) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.label, input.source.kind, customerId, segmentId, position, profile).lastInsertRowid;
    return toPersona(db.prepare('SELECT * FROM personas WHERE id = ?').get(id) as PersonaRow);
  }
  const changed = db
    .prepare('UPDATE personas SET label = ?, kind = ?, customer_id = ?, segment_id = ?, profile = ? WHERE id = ?')
    .run(input.label, input.source.kind, customerId, segmentId, profile, input.id).changes;
  if (!changed) throw new ContractError('not_found', `Persona ${input.id} does not exist.`);
  return toPersona(db.prepare('SELECT * FROM personas WHERE id = ?').get(input.id) as PersonaRow);
}

export function deletePersona(db: Db, id: number): void {
  if (!db.prepare('DELETE FROM personas WHERE id = ?').run(id).changes)
    throw new ContractError('not_found', `Persona ${id} does not exist.`);
}

export function getPersona(db: Db, id: number): Persona {
  const row = db.prepare('SELECT * FROM personas WHERE id = ?').get(id) as PersonaRow | undefined;
  if (!row) throw new ContractError('not_found', `Persona ${id} does not exist.`);
  return toPersona(row);
}

/** Remember which member of its segment a segment persona shows. */
export function setPersonaMember(db: Db, id: number, memberId: string): Persona {
  db.prepare(`UPDATE personas SET customer_id = ? WHERE id = ? AND kind = 'segment'`).run(memberId, id);
  return getPersona(db, id);
}
