import { z } from 'zod';
import { type Customer, type FieldInfo, StoredTypedJson } from '../../shared/contract/schemas';
import { toPascalAlias } from '../../shared/fields/naming';
import { CANONICAL_FIELDS } from '../../shared/fields/canonical';
import type { FieldCatalogue, TypedField } from '../../shared/fields/catalogue';
import { FieldType, ParseContext } from '../../shared/fields/types';
import type { SqlParam } from '../../shared/segments/compile-sql';
import { orderBy, type SortOrder } from './customer-order';
import type { Db } from './db';
import { fieldSamples } from './field-samples';
import { MAX_CUSTOM_FIELDS, readFieldStats } from './field-stats';

/** A `customers` row as SQLite returns it; bulk QA reads the same shape without the contract's checks. */
export interface CustomerRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  birth_date: string | null;
  gender: string | null;
  city: string | null;
  country: string | null;
  attributes: string;
  typed?: string | null;
}

const Attributes = z.record(z.string(), z.unknown());

/** Attribute JSON as stored; a malformed value reads as no attributes rather than failing the read. */
function parseAttributes(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** Stored typed values that have a typed value's shape; anything else is left out (its text stays). */
function typedValues(json: string): Customer['typed'] {
  const parsed = Attributes.safeParse(parseAttributes(json));
  const typed: NonNullable<Customer['typed']> = {};
  if (!parsed.success) return typed;
  for (const [key, value] of Object.entries(parsed.data)) {
    const checked = StoredTypedJson.safeParse(value);
    if (checked.success) typed[key] = checked.data;
  }
  return typed;
}

export function toCustomer({ typed, ...row }: CustomerRow): Customer {
  const parsed = Attributes.safeParse(parseAttributes(row.attributes));
  const attributes: Record<string, string> = {};
  if (parsed.success) {
    for (const [key, value] of Object.entries(parsed.data)) {
      if (value === null || value === undefined) continue;
      attributes[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return typed === undefined ? { ...row, attributes } : { ...row, attributes, typed: typed === null ? {} : typedValues(typed) };
}

/** Whole-workspace passes (de-duplication) read text only; lists, look-ups and renders get the typed values too. */
const SELECT = `SELECT id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes FROM customers`;
const SELECT_TYPED = `SELECT id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes, typed FROM customers`;

/** Every customer in id order, one row at a time (whole-workspace passes such as de-duplication). */
export function* iterateCustomers(db: Db): Generator<Customer> {
  for (const row of db.prepare(`${SELECT} ORDER BY id`).iterate() as IterableIterator<CustomerRow>) yield toCustomer(row);
}

export interface CustomerFilter {
  where: string;
  params: SqlParam[];
}

export function listCustomers(
  db: Db,
  {
    offset,
    limit,
    search,
    filter,
    filters = [],
    sort,
    withTotal = true,
  }: {
    offset: number;
    limit: number;
    search: string;
    filter?: CustomerFilter;
    filters?: readonly CustomerFilter[];
    sort?: SortOrder;
    /** False skips the count (null): it scans every match, and later pages of one listing already know it. */
    withTotal?: boolean;
  },
): { total: number | null; rows: Customer[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  for (const each of filter ? [filter, ...filters] : filters) {
    clauses.push(`(${each.where})`);
    params.push(...each.params);
  }
  const term = search.trim();
  if (term) {
    clauses.push(
      `(instr(lower(COALESCE(first_name,'') || ' ' || COALESCE(last_name,'') || ' ' || COALESCE(email,'') || ' ' || id || ' ' || COALESCE(city,'')), lower(?)) > 0)`,
    );
    params.push(term);
  }
  const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
  const total = withTotal
    ? (db
        .prepare(`SELECT count(*) FROM customers${where}`)
        .pluck()
        .get(...params) as number)
    : null;
  const order = orderBy(db, sort, sort ? fieldCatalogue(db) : {}, sort ? customFieldKeys(db) : new Set());
  const rows = db.prepare(`${SELECT_TYPED}${where} ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as CustomerRow[];
  return { total, rows: rows.map(toCustomer) };
}

export function findCustomer(db: Db, idOrEmail: string): Customer | null {
  const row = (db.prepare(`${SELECT_TYPED} WHERE id = ?`).get(idOrEmail) ??
    db.prepare(`${SELECT_TYPED} WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1`).get(idOrEmail)) as CustomerRow | undefined;
  return row ? toCustomer(row) : null;
}

export function firstCustomerMatching(db: Db, filter: CustomerFilter): Customer | null {
  const row = db.prepare(`${SELECT_TYPED} WHERE ${filter.where} ORDER BY id LIMIT 1`).get(...filter.params) as CustomerRow | undefined;
  return row ? toCustomer(row) : null;
}

export function customFieldKeys(db: Db): Set<string> {
  return new Set(db.prepare('SELECT key FROM customer_fields').pluck().all() as string[]);
}

/** A field's stored type row: how its values are read, or null while it is untyped or the row is unreadable (a newer Tailor's type). */
export interface StoredFieldType {
  type: string;
  locale: string | null;
  warning: string | null;
}

export function storedTyping({ type, locale }: StoredFieldType): TypedField | null {
  if (locale === null) return null;
  const parsedType = FieldType.safeParse(type);
  let context: unknown;
  try {
    context = JSON.parse(locale);
  } catch {
    return null;
  }
  const parsedContext = ParseContext.safeParse(context);
  return parsedType.success && parsedContext.success ? { type: parsedType.data, context: parsedContext.data } : null;
}

/** Canonical fields' types by key (fixed types; the locale is set by the first import that fills the field). */
export function canonicalFieldTypes(db: Db): Map<string, StoredFieldType> {
  const rows = db.prepare('SELECT key, type, locale, warning FROM canonical_field_types').all() as (StoredFieldType & { key: string })[];
  return new Map(rows.map(({ key, ...row }) => [key, row]));
}

/**
 * Every typed field, for rendering: what `customerContext` needs to hand
 * Liquid numbers, booleans and dates instead of text. Text fields and fields
 * no import has typed yet are left out.
 */
export function fieldCatalogue(db: Db): FieldCatalogue {
  const catalogue: Record<string, TypedField> = {};
  const custom = db.prepare('SELECT key, type, locale, warning FROM customer_fields WHERE locale IS NOT NULL').all() as (StoredFieldType & {
    key: string;
  })[];
  for (const [key, row] of [...canonicalFieldTypes(db), ...custom.map(({ key, ...row }) => [key, row] as const)]) {
    const typed = storedTyping(row);
    if (typed && typed.type !== 'text') catalogue[key] = typed;
  }
  return catalogue;
}

/** The locale a field's values were read with, once an import has set it. */
const storedLocale = (row: StoredFieldType | undefined) => (row && storedTyping(row)?.context) ?? null;

/**
 * Every field a template or rule can use, with fill counts, a sample value and its type.
 * Reads the cached statistics (see field-stats.ts), so it costs the same at a
 * thousand customers as at a million; at most MAX_CUSTOM_FIELDS custom fields.
 */
export function listFields(db: Db): FieldInfo[] {
  const stats = readFieldStats(db);
  const samples = fieldSamples(db);
  const sampleOf = (value: string | number | null | undefined): string | null =>
    value === null || value === undefined ? null : String(value);
  const typeOf = (row: StoredFieldType | undefined): Pick<FieldInfo, 'type' | 'typeWarning' | 'locale'> => ({
    type: (row && storedTyping(row)?.type) ?? 'text',
    typeWarning: row?.warning ?? null,
    locale: storedLocale(row),
  });
  const canonicalTypes = canonicalFieldTypes(db);
  const fields: FieldInfo[] = CANONICAL_FIELDS.map(({ key, label }) => {
    const stat = stats.get(`canonical:${key}`);
    return {
      key,
      alias: toPascalAlias(key),
      label,
      kind: 'canonical',
      filled: stat?.filled ?? 0,
      sample: sampleOf(stat?.sample),
      samples: samples.get(`canonical:${key}`) ?? [],
      // Canonical types are fixed, so they show before any import has set their locale.
      type: FieldType.safeParse(canonicalTypes.get(key)?.type).data ?? 'text',
      typeWarning: canonicalTypes.get(key)?.warning ?? null,
      locale: storedLocale(canonicalTypes.get(key)),
    };
  });
  const custom = db
    .prepare('SELECT key, label, type, locale, warning FROM customer_fields ORDER BY key LIMIT ?')
    .all(MAX_CUSTOM_FIELDS) as (StoredFieldType & { key: string; label: string })[];
  for (const { key, label, ...row } of custom) {
    const stat = stats.get(`custom:${key}`);
    fields.push({
      key,
      alias: toPascalAlias(key),
      label,
      kind: 'custom',
      filled: stat?.filled ?? 0,
      sample: sampleOf(stat?.sample),
      samples: samples.get(`custom:${key}`) ?? [],
      ...typeOf(row),
    });
  }
  return fields;
}
