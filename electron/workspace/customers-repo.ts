import { z } from 'zod';
import type { Customer, FieldInfo } from '../../shared/contract/schemas';
import { toPascalAlias } from '../../shared/fields/naming';
import { CANONICAL_FIELDS } from '../../shared/fields/canonical';
import type { SqlParam } from '../../shared/segments/compile-sql';
import type { Db } from './db';

interface CustomerRow {
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
}

const Attributes = z.record(z.string(), z.unknown());

export function toCustomer(row: CustomerRow): Customer {
  const parsed = Attributes.safeParse(JSON.parse(row.attributes));
  const attributes: Record<string, string> = {};
  if (parsed.success) {
    for (const [key, value] of Object.entries(parsed.data)) {
      if (value === null || value === undefined) continue;
      attributes[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return { ...row, attributes };
}

const SELECT = `SELECT id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes FROM customers`;

export interface CustomerFilter {
  where: string;
  params: SqlParam[];
}

export function listCustomers(
  db: Db,
  { offset, limit, search, filter }: { offset: number; limit: number; search: string; filter?: CustomerFilter },
): { total: number; rows: Customer[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  if (filter) {
    clauses.push(`(${filter.where})`);
    params.push(...filter.params);
  }
  const term = search.trim();
  if (term) {
    clauses.push(
      `(instr(lower(COALESCE(first_name,'') || ' ' || COALESCE(last_name,'') || ' ' || COALESCE(email,'') || ' ' || id || ' ' || COALESCE(city,'')), lower(?)) > 0)`,
    );
    params.push(term);
  }
  const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM customers${where}`)
    .pluck()
    .get(...params) as number;
  const rows = db.prepare(`${SELECT}${where} ORDER BY id LIMIT ? OFFSET ?`).all(...params, limit, offset) as CustomerRow[];
  return { total, rows: rows.map(toCustomer) };
}

export function findCustomer(db: Db, idOrEmail: string): Customer | null {
  const row = (db.prepare(`${SELECT} WHERE id = ?`).get(idOrEmail) ??
    db.prepare(`${SELECT} WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1`).get(idOrEmail)) as CustomerRow | undefined;
  return row ? toCustomer(row) : null;
}

export function firstCustomerMatching(db: Db, filter: CustomerFilter): Customer | null {
  const row = db.prepare(`${SELECT} WHERE ${filter.where} ORDER BY id LIMIT 1`).get(...filter.params) as CustomerRow | undefined;
  return row ? toCustomer(row) : null;
}

export function customFieldKeys(db: Db): Set<string> {
  return new Set(db.prepare('SELECT key FROM customer_fields').pluck().all() as string[]);
}

/** Every field a template or rule can use, with fill counts and a sample value. */
export function listFields(db: Db): FieldInfo[] {
  const fields: FieldInfo[] = [];
  for (const { key, label } of CANONICAL_FIELDS) {
    const stats = db
      .prepare(`SELECT count(*) AS filled, min(${key}) AS sample FROM customers WHERE ${key} IS NOT NULL AND trim(${key}) <> ''`)
      .get() as { filled: number; sample: string | null };
    fields.push({ key, alias: toPascalAlias(key), label, kind: 'canonical', filled: stats.filled, sample: stats.sample });
  }
  const custom = db.prepare('SELECT key, label FROM customer_fields ORDER BY key').all() as { key: string; label: string }[];
  const statement = db.prepare(
    `SELECT count(*) AS filled, min(v) AS sample FROM (SELECT json_extract(attributes, ?) AS v FROM customers) WHERE v IS NOT NULL AND trim(v) <> ''`,
  );
  for (const { key, label } of custom) {
    const stats = statement.get(`$."${key}"`) as { filled: number; sample: string | number | null };
    fields.push({
      key,
      alias: toPascalAlias(key),
      label,
      kind: 'custom',
      filled: stats.filled,
      sample: stats.sample === null ? null : String(stats.sample),
    });
  }
  return fields;
}
