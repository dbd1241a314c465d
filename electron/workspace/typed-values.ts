import { CANONICAL_KEYS } from '../../shared/fields/canonical';
import type { FieldCatalogue, TypedField } from '../../shared/fields/catalogue';
import { parseValue } from '../../shared/fields/types';
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

/** Distinct values remembered per field: dates, countries, booleans and amounts repeat, and a date or phone parse costs ~100 µs. */
const MEMO_LIMIT = 50_000;

/**
 * A field's parser with a bounded memory of values already read, giving the value as JSON text (the row
 * function writes JSON, so a repeated date or country is neither parsed nor serialised again); null for a
 * value its type cannot read.
 */
function memoParser(field: TypedField): (text: string) => string | null {
  const memo = new Map<string, string | null>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const result = parseValue(field.type, text, field.context);
    const value = result.ok ? JSON.stringify(result.value) : null;
    if (memo.size < MEMO_LIMIT) memo.set(text, value);
    return value;
  };
}

/** How the import's validation read a row's phone: [default country ('' for none), text, E.164 or null], as JSON or as it was staged. */
function phoneRead(arg: unknown): [string, string, string | null] | null {
  const read = typeof arg === 'string' ? (JSON.parse(arg) as unknown) : arg;
  return Array.isArray(read) && read.length === 3 ? (read as [string, string, string | null]) : null;
}

/**
 * The row function over one argument per typed field, in the catalogue's order (canonical fields, then
 * custom ones): null when the row has no readable value. Custom values arrive already extracted by SQLite
 * (`json_extract`), so no row's whole attributes object is parsed in JavaScript. With `hinted`, one more
 * argument follows: validation's reading of the row's phone, taken instead of parsing the same number
 * in the same country again (libphonenumber is the costliest parser, and most phones are distinct).
 */
function typedRow(fields: readonly [string, TypedField][], hinted: boolean) {
  const keys = fields.map(([key]) => key);
  // The object is written as text, key by key, in the catalogue's order (JSON.stringify of the object it used to build).
  const prefixes = keys.map((key) => `${JSON.stringify(key)}:`);
  const parsers = fields.map(([, field]) => memoParser(field));
  const countryAt = keys.indexOf('country');
  const rowCountry = countryAt < 0 ? null : countryCodes(parsers[countryAt] as (text: string) => string | null);
  // A phone is read in its row's country when the row names one (as validation reads it), else the file's.
  const phoneParsers = new Map<string, (text: string) => string | null>();
  const phoneParser = (i: number, country: string) => {
    const id = `${i}\u0000${country}`;
    let parser = phoneParsers.get(id);
    if (parser === undefined) {
      const field = (fields[i] as [string, TypedField])[1];
      parser = memoParser({ ...field, context: { ...field.context, defaultCountry: country } });
      phoneParsers.set(id, parser);
    }
    return parser;
  };
  return (...args: unknown[]): string | null => {
    let typed = '';
    const country = rowCountry === null ? undefined : rowCountry(args[countryAt]);
    const read = hinted ? phoneRead(args[keys.length]) : null;
    for (let i = 0; i < keys.length; i++) {
      const text = args[i];
      if (typeof text !== 'string' || text.trim() === '') continue;
      const field = (fields[i] as [string, TypedField])[1];
      let value: string | null;
      if (
        read !== null &&
        keys[i] === 'phone' &&
        field.type === 'phone' &&
        read[1] === text &&
        read[0] === (country ?? field.context.defaultCountry ?? '')
      ) {
        value = read[2] === null ? null : JSON.stringify(read[2]);
      } else {
        const parse = country !== undefined && field.type === 'phone' ? phoneParser(i, country) : parsers[i];
        value = (parse as (text: string) => string | null)(text);
      }
      if (value === null) continue;
      typed += `${typed === '' ? '{' : ','}${prefixes[i] as string}${value}`;
    }
    return typed === '' ? null : `${typed}}`;
  };
}

/** The ISO code of a row's country cell, when it reads as one; remembered per cell text, as its parser's value is. */
function countryCodes(parse: (text: string) => string | null): (text: unknown) => string | undefined {
  const memo = new Map<string, string | undefined>();
  return (text) => {
    if (typeof text !== 'string' || text.trim() === '') return undefined;
    if (memo.has(text)) return memo.get(text);
    const value = parse(text);
    const parsed = value === null ? null : (JSON.parse(value) as unknown);
    const code =
      parsed !== null && typeof parsed === 'object' && 'code' in parsed && typeof parsed.code === 'string' ? parsed.code : undefined;
    if (memo.size < MEMO_LIMIT) memo.set(text, code);
    return code;
  };
}

const isCanonical = (key: string): boolean => (CANONICAL_KEYS as readonly string[]).includes(key);

/** The typed fields in the order the row function takes them (and writes them): canonical fields, then custom ones. */
function typedFields(catalogue: FieldCatalogue): [string, TypedField][] {
  const entries = Object.entries(catalogue).filter(([, field]) => field.type !== 'text');
  return [...entries.filter(([key]) => isCanonical(key)), ...entries.filter(([key]) => !isCanonical(key))];
}

/** Two catalogues give every row the same typed values exactly when these are equal. */
export const typedFieldsSignature = (catalogue: FieldCatalogue): string => JSON.stringify(typedFields(catalogue));

/**
 * The row function outside SQL, for a staged customer as JavaScript holds it: the typed values (as the
 * upsert's `typedRowCall` over the staged record would write them) of its canonical fields and
 * attributes, with validation's phone reading. Lets the import compute them while streaming.
 */
export function stagedRowTyper(
  catalogue: FieldCatalogue,
): (canonical: Readonly<Record<string, unknown>>, attributes: Readonly<Record<string, string>>, phoneRead: unknown) => string | null {
  const fields = typedFields(catalogue);
  const hinted = fields.some(([key, field]) => key === 'phone' && field.type === 'phone');
  const row = typedRow(fields, hinted);
  const canonical = fields.map(([key]) => isCanonical(key));
  const keys = fields.map(([key]) => key);
  const args: unknown[] = new Array<unknown>(keys.length + (hinted ? 1 : 0));
  return (values, attributes, read) => {
    for (let i = 0; i < keys.length; i++) args[i] = canonical[i] ? values[keys[i] as string] : attributes[keys[i] as string];
    if (hinted) args[keys.length] = read;
    return row(...args);
  };
}

/** Where the row function's arguments come from: a canonical field's column, a custom field's JSON path in a JSON text. */
export interface TypedRowSource {
  canonical(key: string): string;
  /** The JSON text holding custom values (`customers.attributes`, or a staged record). */
  json: string;
  /** The JSON path of custom field `key` in it. */
  path(key: string): string;
  /** The JSON of validation's phone reading (a staged record's `phone_read`), when there is one. */
  phoneRead?: string;
}

/**
 * Register the row function for `catalogue` and give its call: one argument per typed field, canonical
 * fields first, each the field's text as `source` reads it from the row (custom ones by `json_extract`
 * with their path bound as a named parameter, given in `params`).
 */
export function typedRowCall(db: Db, catalogue: FieldCatalogue, source: TypedRowSource): { sql: string; params: Record<string, string> } {
  const fields = typedFields(catalogue);
  const hinted = source.phoneRead !== undefined && fields.some(([key, field]) => key === 'phone' && field.type === 'phone');
  db.function('tailor_typed_row', { varargs: true, deterministic: true }, typedRow(fields, hinted));
  const params: Record<string, string> = {};
  const args = fields.map((entry, index) => {
    if (isCanonical(entry[0])) return source.canonical(entry[0]);
    params[`typed_path_${index}`] = source.path(entry[0]);
    return `json_extract(${source.json}, @typed_path_${index})`;
  });
  if (hinted) args.push(source.phoneRead as string);
  return { sql: `tailor_typed_row(${args.length ? args.join(', ') : 'NULL'})`, params };
}

/** Customers' own columns and attributes. */
const STORED: TypedRowSource = { canonical: (key) => `customers.${key}`, json: 'customers.attributes', path: (key) => `$."${key}"` };

/**
 * Recompute every typed value of the customers `scope` selects (a WHERE
 * expression over `customers`, with its parameters) from their text, with
 * the catalogue as it is now. Runs inside the caller's transaction.
 */
export function storeTypedValues(db: Db, catalogue: FieldCatalogue, scope: string, params: readonly unknown[] = []): number {
  const call = typedRowCall(db, catalogue, STORED);
  return db.prepare(`UPDATE customers SET typed = ${call.sql} WHERE ${scope}`).run(...params, call.params).changes;
}

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
 * After an import: the customers in `scope` (those it touched whose typed values its upsert did not write)
 * get all their typed values recomputed; a field whose typing this import changed and that existed before
 * (a disagreeing column turned it to text) is recomputed for every customer it did not touch that holds it,
 * or dropped from their typed values.
 */
export function storeImportedTypedValues(db: Db, before: FieldCatalogue, after: FieldCatalogue, scope: string, importId: number): void {
  storeTypedValues(db, after, scope);
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
  db.function('tailor_typed_cell', { deterministic: false }, (id: unknown, value: unknown, country: unknown): string | null => {
    if (typeof value !== 'string' || value.trim() === '') return null;
    // A phone is read in its row's country (already typed), as the import reads it.
    const context = field.type === 'phone' && typeof country === 'string' ? { ...field.context, defaultCountry: country } : field.context;
    const result = parseValue(field.type, value, context);
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
       SELECT rowid AS rid, tailor_typed_cell(id, ${text.sql}, typed ->> '$.country.code') AS v FROM customers WHERE ${text.sql} IS NOT NULL AND (${scope}))
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
