import type { CustomerMatch } from '../../../shared/contract/studio-schemas';
import { isCanonicalKey } from '../../../shared/fields/canonical';
import { customFieldKeys, toCustomer } from '../customers-repo';
import type { Db } from '../db';

/** Canonical columns a free-text search reads after the names, in the order a match is reported. */
const TEXT_COLUMNS = ['email', 'id', 'phone', 'city', 'country', 'birth_date', 'gender'] as const;

const SELECT = `SELECT id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes, typed FROM customers`;

/**
 * `field:value` when the part before the colon names a field (`city:porto`,
 * `loyalty_tier:gold`); anything else is free text, so an email or a time
 * with a colon in it is still searched whole.
 */
export function parseQuery(query: string, knownField: (key: string) => boolean): { field: string | null; term: string } {
  const colon = query.indexOf(':');
  if (colon > 0) {
    const field = query.slice(0, colon).trim().toLowerCase();
    const term = query.slice(colon + 1).trim();
    if (term && knownField(field)) return { field, term };
  }
  return { field: null, term: query.trim() };
}

/**
 * The persona picker's customer search. Ranked: an exact id or email first,
 * then a match in the name, then any other field (custom fields through
 * json_each), each by id. Every value is bound; a field key is only used once
 * it is known to the workspace, and even then travels as a bound JSON path.
 */
export function searchCustomers(db: Db, query: string, limit: number): CustomerMatch[] {
  const custom = customFieldKeys(db);
  const { field, term } = parseQuery(query, (key) => isCanonicalKey(key) || custom.has(key));
  const needle = term.toLowerCase();
  let where: string;
  const params: Record<string, string | number> = { q: needle, limit };
  if (field !== null && isCanonicalKey(field)) {
    where = `instr(lower(COALESCE(${field}, '')), @q) > 0`;
  } else if (field !== null) {
    where = `instr(lower(COALESCE(json_extract(attributes, @path), '')), @q) > 0`;
    params.path = `$."${field}"`;
  } else {
    where = [
      `lower(id) = @q`,
      `lower(email) = @q`,
      `instr(lower(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')), @q) > 0`,
      ...TEXT_COLUMNS.map((column) => `instr(lower(COALESCE(${column}, '')), @q) > 0`),
      `EXISTS (SELECT 1 FROM json_each(customers.attributes) WHERE instr(lower(CAST(value AS TEXT)), @q) > 0)`,
    ].join(' OR ');
  }
  const rank =
    field === null
      ? `CASE WHEN lower(id) = @q OR lower(email) = @q THEN 0 WHEN instr(lower(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')), @q) > 0 THEN 1 ELSE 2 END,`
      : '';
  const sql = `${SELECT} WHERE ${where} ORDER BY ${rank} id LIMIT @limit`;
  const rows = db.prepare(sql).all(params) as Parameters<typeof toCustomer>[0][];
  return rows.map((row) => {
    const customer = toCustomer(row);
    return { customer, matched: matchedField(customer, needle, field) };
  });
}

type Found = CustomerMatch['customer'];

/** The field to show beside a result: the one asked for, else the first that holds the text (null: the id or the name). */
function matchedField(customer: Found, needle: string, field: string | null): CustomerMatch['matched'] {
  const valueOf = (key: string): string | null =>
    isCanonicalKey(key) ? (customer[key] ?? null) : Object.hasOwn(customer.attributes, key) ? (customer.attributes[key] ?? null) : null;
  if (field !== null) return { field, value: valueOf(field) ?? '' };
  const name = `${customer.first_name ?? ''} ${customer.last_name ?? ''}`.toLowerCase();
  if (customer.id.toLowerCase() === needle || name.includes(needle)) return null;
  for (const key of [...TEXT_COLUMNS, ...Object.keys(customer.attributes)]) {
    const value = valueOf(key);
    if (value && value.toLowerCase().includes(needle)) return { field: key, value };
  }
  return null;
}
