import { ContractError } from '../../../shared/contract/envelope';
import type { DedupMerge } from '../../../shared/contract/schemas';
import { CANONICAL_KEYS } from '../../../shared/fields/canonical';
import { chooseValues, isBlank, type ChosenValue, type SurvivorRecord, type SurvivorshipConfig } from '../../../shared/dedup/survivorship';
import { fieldCatalogue } from '../customers-repo';
import { nowIso, type Db } from '../db';
import { storeTypedValues } from '../typed-values';
import { setPairStatus } from './pairs-repo';

/**
 * Merging two customers and undoing it. A merge keeps the survivor's id, gives
 * it the values survivorship chose, moves the other's orders, events and
 * personas to it, recomputes its typed values, and deletes the other. It
 * records both rows exactly as they were (every column, typed values too) and
 * what moved, so undo puts everything back as it was.
 */

/** A customers row as stored, every column (other features may add columns; undo restores them too). */
type Row = Record<string, unknown>;

interface Moved {
  orders: string[];
  events: number[];
  personas: number[];
  /** The merged customer's validation flags, which go with its row (a trigger) and come back with it on undo; absent in older merges. */
  flags?: FlagRow[];
}

interface FlagRow {
  import_id: number | null;
  rule: string;
  message: string;
  suggestion: string | null;
}

interface MergeRow {
  id: number;
  survivor_id: string;
  merged_id: string;
  pair_id: number | null;
  score: number | null;
  automatic: number;
  rules: string;
  chosen: string;
  survivor_before: string;
  merged_before: string;
  moved: string;
  merged_at: string;
  undone_at: string | null;
}

const VALUE_FIELDS = CANONICAL_KEYS.filter((key) => key !== 'id');

function snapshot(db: Db, id: string): Row | undefined {
  return db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as Row | undefined;
}

function attributesOf(row: Row): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(typeof row.attributes === 'string' ? row.attributes : '{}');
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function sourceOf(db: Db, row: Row): string | null {
  if (row.import_id === null || row.import_id === undefined) return null;
  return (db.prepare('SELECT file_name FROM imports WHERE id = ?').pluck().get(row.import_id) as string | undefined) ?? null;
}

function survivorRecord(db: Db, row: Row): SurvivorRecord {
  const values: Record<string, unknown> = { ...attributesOf(row) };
  for (const key of VALUE_FIELDS) values[key] = row[key];
  return { id: String(row.id), updatedAt: typeof row.updated_at === 'string' ? row.updated_at : '', source: sourceOf(db, row), values };
}

export function customerLabel(row: Row): string {
  const name = [row.first_name, row.last_name].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
  const who = name || (typeof row.email === 'string' && row.email) || '';
  return who ? `${who} (${String(row.id)})` : String(row.id);
}

export interface MergeRequest {
  survivorId: string;
  mergedId: string;
  pairId: number | null;
  score: number | null;
  automatic: boolean;
  rules: SurvivorshipConfig;
}

/** Merge `mergedId` into `survivorId`; returns the merge's id. Runs in one transaction (a savepoint inside a caller's). */
export function mergeCustomers(db: Db, request: MergeRequest): number {
  return db
    .transaction(() => {
      const { survivorId, mergedId } = request;
      if (survivorId === mergedId) throw new ContractError('invalid_input', 'A customer cannot be merged with itself.');
      const survivor = snapshot(db, survivorId);
      const merged = snapshot(db, mergedId);
      const missing = !survivor ? survivorId : !merged ? mergedId : null;
      if (!survivor || !merged)
        throw new ContractError('not_found', `Customer ${missing} is no longer in this workspace; find duplicates again.`);

      const chosen = chooseValues(survivorRecord(db, survivor), survivorRecord(db, merged), request.rules);
      const canonical = new Map<string, unknown>();
      const attributes = attributesOf(survivor);
      for (const choice of chosen) {
        if ((VALUE_FIELDS as readonly string[]).includes(choice.field)) canonical.set(choice.field, choice.value);
        else if (!isBlank(choice.value)) attributes[choice.field] = choice.value;
      }
      const sets = VALUE_FIELDS.map((key) => `${key} = ?`).join(', ');
      db.prepare(`UPDATE customers SET ${sets}, attributes = ?, updated_at = ? WHERE id = ?`).run(
        ...VALUE_FIELDS.map((key) => (canonical.get(key) ?? null) as string | null),
        JSON.stringify(attributes),
        nowIso(),
        survivorId,
      );
      // Its text changed, so its typed values are read again (a birth date taken from the other record, say).
      storeTypedValues(db, fieldCatalogue(db), 'id = ?', [survivorId]);

      const moved: Moved = {
        orders: db.prepare('SELECT id FROM orders WHERE customer_id = ? ORDER BY id').pluck().all(mergedId) as string[],
        events: db.prepare('SELECT id FROM events WHERE customer_id = ? ORDER BY id').pluck().all(mergedId) as number[],
        personas: db.prepare(`SELECT id FROM personas WHERE kind = 'customer' AND customer_id = ?`).pluck().all(mergedId) as number[],
        flags: db
          .prepare('SELECT import_id, rule, message, suggestion FROM customer_flags WHERE customer_id = ? ORDER BY rowid')
          .all(mergedId) as FlagRow[],
      };
      db.prepare('UPDATE orders SET customer_id = ? WHERE customer_id = ?').run(survivorId, mergedId);
      db.prepare('UPDATE events SET customer_id = ? WHERE customer_id = ?').run(survivorId, mergedId);
      db.prepare(`UPDATE personas SET customer_id = ? WHERE kind = 'customer' AND customer_id = ?`).run(survivorId, mergedId);
      db.prepare('DELETE FROM customers WHERE id = ?').run(mergedId);

      const id = db
        .prepare(
          `INSERT INTO dedup_merges (survivor_id, merged_id, pair_id, score, automatic, rules, chosen, survivor_before, merged_before, moved, merged_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .pluck()
        .get(
          survivorId,
          mergedId,
          request.pairId,
          request.score,
          request.automatic ? 1 : 0,
          JSON.stringify(request.rules),
          JSON.stringify(chosen),
          JSON.stringify(survivor),
          JSON.stringify(merged),
          JSON.stringify(moved),
          nowIso(),
        ) as number;
      setPairStatus(db, request.pairId, 'merged');
      return id;
    })
    .immediate();
}

function getMergeRow(db: Db, mergeId: number): MergeRow {
  const row = db.prepare('SELECT * FROM dedup_merges WHERE id = ?').get(mergeId) as MergeRow | undefined;
  if (!row) throw new ContractError('not_found', `No merge ${mergeId}.`);
  return row;
}

/** Column names of customers, to write a stored row back without trusting its keys (a workspace is untrusted input). */
function customerColumns(db: Db): Set<string> {
  return new Set((db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('customers') as string[]).map(String));
}

function rowEntries(db: Db, json: string): [string, unknown][] {
  const columns = customerColumns(db);
  const row = JSON.parse(json) as Row;
  return Object.entries(row).filter(([key]) => columns.has(key));
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function restore(db: Db, merge: MergeRow, undoneAt: string): void {
  if (!snapshot(db, merge.survivor_id)) {
    throw new ContractError(
      'conflict',
      `Customer ${merge.survivor_id} is no longer in this workspace, so merge ${merge.id} cannot be undone.`,
    );
  }
  if (snapshot(db, merge.merged_id)) {
    throw new ContractError(
      'conflict',
      `A customer with id ${merge.merged_id} exists again (imported after the merge?), so merge ${merge.id} cannot be undone. Merge or remove it first.`,
    );
  }
  const survivor = rowEntries(db, merge.survivor_before).filter(([key]) => key !== 'id');
  db.prepare(`UPDATE customers SET ${survivor.map(([key]) => `${quote(key)} = ?`).join(', ')} WHERE id = ?`).run(
    ...survivor.map(([, value]) => value),
    merge.survivor_id,
  );
  const merged = rowEntries(db, merge.merged_before);
  db.prepare(`INSERT INTO customers (${merged.map(([key]) => quote(key)).join(', ')}) VALUES (${merged.map(() => '?').join(', ')})`).run(
    ...merged.map(([, value]) => value),
  );
  const moved = JSON.parse(merge.moved) as Moved;
  const back = (table: string, extra = '') =>
    db
      .prepare(`UPDATE ${table} SET customer_id = ? WHERE customer_id = ? ${extra} AND id IN (SELECT value FROM json_each(?))`)
      .run(
        merge.merged_id,
        merge.survivor_id,
        JSON.stringify(table === 'orders' ? moved.orders : table === 'events' ? moved.events : moved.personas),
      );
  back('orders');
  back('events');
  back('personas', `AND kind = 'customer'`);
  const flag = db.prepare('INSERT INTO customer_flags (customer_id, import_id, rule, message, suggestion) VALUES (?, ?, ?, ?, ?)');
  for (const row of moved.flags ?? []) flag.run(merge.merged_id, row.import_id, row.rule, row.message, row.suggestion);
  db.prepare('UPDATE dedup_merges SET undone_at = ? WHERE id = ?').run(undoneAt, merge.id);
  if (merge.pair_id !== null) db.prepare(`UPDATE dedup_pairs SET status = 'pending' WHERE id = ? AND status = 'merged'`).run(merge.pair_id);
}

/**
 * Undo a merge. Later merges that changed its survivor (or merged it away) built
 * on its result, so they are undone first, newest first. Returns every merge undone.
 */
export function undoMerge(db: Db, mergeId: number): number[] {
  return db
    .transaction(() => {
      const first = getMergeRow(db, mergeId);
      if (first.undone_at !== null) throw new ContractError('conflict', `Merge ${mergeId} was already undone.`);
      const undone: number[] = [];
      const undoneAt = nowIso();
      const laterOn = db.prepare(
        `SELECT * FROM dedup_merges WHERE id > ? AND undone_at IS NULL AND (survivor_id = ? OR merged_id = ?) ORDER BY id DESC`,
      );
      const undo = (merge: MergeRow): void => {
        for (const later of laterOn.all(merge.id, merge.survivor_id, merge.survivor_id) as MergeRow[]) {
          if (getMergeRow(db, later.id).undone_at === null) undo(later);
        }
        restore(db, merge, undoneAt);
        undone.push(merge.id);
      };
      undo(first);
      return undone;
    })
    .immediate();
}

function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function activityOf(db: Db, id: string): DedupMerge['survivorNow'] {
  if (!snapshot(db, id)) return null;
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE customer_id = ?`).pluck().get(id) as number;
  return { orders: count('orders'), events: count('events') };
}

function toMerge(db: Db, row: MergeRow): DedupMerge {
  const moved = JSON.parse(row.moved) as Moved;
  const chosen = JSON.parse(row.chosen) as ChosenValue[];
  return {
    id: row.id,
    survivorId: row.survivor_id,
    mergedId: row.merged_id,
    survivorLabel: customerLabel(JSON.parse(row.survivor_before) as Row),
    mergedLabel: customerLabel(JSON.parse(row.merged_before) as Row),
    score: row.score,
    automatic: row.automatic === 1,
    mergedAt: row.merged_at,
    undoneAt: row.undone_at,
    chosen: chosen.map((c) => ({ field: c.field, value: displayValue(c.value), from: c.from, reason: c.reason })),
    moved: { orders: moved.orders.length, events: moved.events.length },
    survivorNow: activityOf(db, row.survivor_id),
  };
}

export function getMerge(db: Db, mergeId: number): DedupMerge {
  return toMerge(db, getMergeRow(db, mergeId));
}

export function listMerges(db: Db, limit: number, includeUndone: boolean): DedupMerge[] {
  const rows = db
    .prepare(`SELECT * FROM dedup_merges ${includeUndone ? '' : 'WHERE undone_at IS NULL'} ORDER BY id DESC LIMIT ?`)
    .all(limit) as MergeRow[];
  return rows.map((row) => toMerge(db, row));
}
