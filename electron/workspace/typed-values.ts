import { CANONICAL_KEYS } from '../../shared/fields/canonical';
import type { FieldCatalogue, TypedField } from '../../shared/fields/catalogue';
import { parseValue, type TypedValue } from '../../shared/fields/types';
import type { Db } from './db';
import { recordTyped } from './import/undo/record';

/**
 * Typed values in storage: `customers.typed` is a JSON object holding, for
 * each typed field a customer has a readable value in, the value its type
 * parses to (see `TypedValueOf`). The text stays in its column or in
 * `attributes`, so nothing the file said is lost and a type change can
 * re-read it. A value its type cannot read is left out: it stays text.
 *
 * Writing is set-based: one UPDATE over the customers in scope, with the
 * parsing done by a SQLite function over each row's own columns, so no row
 * crosses into JavaScript as an object and back.
 */

/** Canonical columns in the order the row function receives them, then attributes. */
const COLUMNS = [...CANONICAL_KEYS, 'attributes'] as const;

/** Distinct values remembered per field: dates, countries, booleans and amounts repeat, and a date or phone parse costs ~100 µs. */
const MEMO_LIMIT = 50_000;

/** A field's parser with a bounded memory of values already read; null for a value its type cannot read. */
function memoParser(field: TypedField): (text: string) => TypedValue | null {
  const memo = new Map<string, TypedValue | null>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const result = parseValue(field.type, text, field.context);
    const value = result.ok ? result.value : null;
    if (memo.size < MEMO_LIMIT) memo.set(text, value);
    return value;
  };
}

/** Parse one row's typed fields; null when it has none. */
function typedRow(canonical: readonly [string, TypedField][], custom: readonly [string, TypedField][]) {
  const parsers = new Map([...canonical, ...custom].map(([key, field]) => [key, memoParser(field)]));
  const canonicalAt = canonical.map(([key]) => [key, CANONICAL_KEYS.indexOf(key as (typeof CANONICAL_KEYS)[number])] as const);
  return (...args: unknown[]): string | null => {
    const typed: Record<string, TypedValue> = {};
    let any = false;
    const put = (key: string, text: unknown) => {
      if (typeof text !== 'string' || text.trim() === '') return;
      const value = parsers.get(key)?.(text) ?? null;
      if (value !== null) {
        typed[key] = value;
        any = true;
      }
    };
    for (const [key, at] of canonicalAt) put(key, args[at]);
    if (custom.length > 0 && typeof args[CANONICAL_KEYS.length] === 'string') {
      let attributes: unknown;
      try {
        attributes = JSON.parse(args[CANONICAL_KEYS.length] as string);
      } catch {
        attributes = null;
      }
      if (attributes && typeof attributes === 'object') {
        const values = attributes as Record<string, unknown>;
        for (const [key] of custom) if (Object.hasOwn(values, key)) put(key, values[key]);
      }
    }
    return any ? JSON.stringify(typed) : null;
  };
}

/**
 * Recompute every typed value of the customers `scope` selects (a WHERE
 * expression over `customers`, with its parameters) from their text, with
 * the catalogue as it is now. Runs inside the caller's transaction.
 */
export function storeTypedValues(db: Db, catalogue: FieldCatalogue, scope: string, params: readonly unknown[] = []): number {
  const entries = Object.entries(catalogue).filter(([, field]) => field.type !== 'text');
  const canonical = entries.filter(([key]) => (CANONICAL_KEYS as readonly string[]).includes(key));
  const custom = entries.filter(([key]) => !(CANONICAL_KEYS as readonly string[]).includes(key));
  db.function('tailor_typed_row', { varargs: true, deterministic: true }, typedRow(canonical, custom));
  return db.prepare(`UPDATE customers SET typed = tailor_typed_row(${COLUMNS.join(', ')}) WHERE ${scope}`).run(...params).changes;
}

/** Customers touched by the running customers import (the committer's scratch table). */
export const IMPORT_TARGETS_SCOPE = 'id IN (SELECT id FROM temp.import_targets)';

/** A field whose typing changed since `before` (new, retyped, relocalised, or no longer typed). */
export function changedFields(before: FieldCatalogue, after: FieldCatalogue): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

/** The text of field `key` in SQL, for a scope over the customers that have one. */
export function fieldTextSql(key: string): { sql: string; params: string[] } {
  return (CANONICAL_KEYS as readonly string[]).includes(key)
    ? { sql: `customers.${key}`, params: [] }
    : { sql: `json_extract(customers.attributes, ?)`, params: [`$."${key}"`] };
}

/**
 * After an import: the customers it touched get all their typed values
 * recomputed; a field whose typing this import changed and that existed
 * before (a disagreeing column turned it to text) is recomputed for every
 * other customer that holds it, or dropped from their typed values.
 */
export function storeImportedTypedValues(db: Db, before: FieldCatalogue, after: FieldCatalogue, importId: number): void {
  storeTypedValues(db, after, IMPORT_TARGETS_SCOPE);
  const retyped = changedFields(before, after).filter((key) => before[key]);
  // Undo puts these customers' typed values back (undo-import.ts): they are not among the import's pre-images.
  if (retyped.length > 0) recordTyped(db, importId, 't.typed IS NOT NULL AND t.id NOT IN (SELECT id FROM temp.import_targets)');
  for (const key of retyped) {
    retypeFieldSet(db, key, after[key] ?? null, `id NOT IN (SELECT id FROM temp.import_targets)`);
  }
}

export interface RetypeTally {
  parsed: number;
  failed: number;
  examples: { id: string; text: string; reason: string }[];
}

export const EXAMPLES_KEPT = 5;

/**
 * Set (or drop, for text or null) field `key`'s typed value on the customers
 * in `scope` that have its text, tallying values the type cannot read.
 */
export function retypeFieldSet(
  db: Db,
  key: string,
  field: TypedField | null,
  scope: string,
  params: readonly unknown[] = [],
  tally: RetypeTally = { parsed: 0, failed: 0, examples: [] },
): RetypeTally {
  const text = fieldTextSql(key);
  const path = `$."${key}"`;
  if (!field || field.type === 'text') {
    db.prepare(`UPDATE customers SET typed = nullif(json_remove(typed, ?), '{}') WHERE typed IS NOT NULL AND (${scope})`).run(
      path,
      ...params,
    );
    return tally;
  }
  db.function('tailor_typed_cell', { deterministic: false }, (id: unknown, value: unknown): string | null => {
    if (typeof value !== 'string' || value.trim() === '') return null;
    const result = parseValue(field.type, value, field.context);
    if (result.ok && result.value !== null) {
      tally.parsed++;
      return JSON.stringify(result.value);
    }
    tally.failed++;
    if (tally.examples.length < EXAMPLES_KEPT)
      tally.examples.push({ id: String(id), text: value, reason: result.ok ? 'empty' : result.reason });
    return null;
  });
  db.prepare(
    // Materialized, so each value is parsed (and tallied) once however often the UPDATE reads it.
    `WITH cell AS MATERIALIZED (
       SELECT rowid AS rid, tailor_typed_cell(id, ${text.sql}) AS v FROM customers WHERE ${text.sql} IS NOT NULL AND (${scope}))
     UPDATE customers SET typed = nullif(
       CASE WHEN cell.v IS NULL THEN json_remove(coalesce(typed, '{}'), ?) ELSE json_set(coalesce(typed, '{}'), ?, json(cell.v)) END, '{}')
     FROM cell WHERE customers.rowid = cell.rid`,
  ).run(...text.params, ...text.params, ...params, path, path);
  return tally;
}

/**
 * A workspace typed before values were stored (schema 5) gets them computed
 * once, on its first open with this version.
 */
export function backfillTypedValues(db: Db, catalogue: () => FieldCatalogue): void {
  const pending = db.prepare('SELECT backfill FROM typed_state').pluck().get();
  if (pending !== 1) return;
  db.transaction(() => {
    storeTypedValues(db, catalogue(), '1 = 1');
    db.prepare('UPDATE typed_state SET backfill = 0').run();
  })();
}
