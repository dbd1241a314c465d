import type { Db } from '../../electron/workspace/db';
import { CANONICAL_KEYS } from '../../shared/fields/canonical';
import type { FieldType } from '../../shared/fields/types/field-type';
import { DEFAULT_CONTEXT } from '../../shared/fields/types';
import type { EvalCustomer } from '../../shared/segments/evaluate-tree';

const CANONICAL: ReadonlySet<string> = new Set(CANONICAL_KEYS);
const STAMP = '2026-01-01T00:00:00.000Z';

/** The JSON a typed value is stored as (a country as {code, name}, others as they are). */
function storedTyped(type: FieldType, value: string | number | boolean): unknown {
  if (type === 'country') return { code: value, name: String(value) };
  if (type === 'money') return { amount: value, currency: null };
  return value;
}

/**
 * Write plain customer data (the evaluator's shape) into a workspace as the
 * import would leave it: canonical columns, attributes and typed values,
 * typed fields registered with their type, orders, events with product and
 * category in properties, and scores.
 */
export function writeSegmentData(
  db: Db,
  customers: readonly EvalCustomer[],
  types: Readonly<Record<string, FieldType>>,
  /** Text fields the workspace has even when no customer fills them. */
  textFields: readonly string[] = [],
): void {
  const locale = JSON.stringify(DEFAULT_CONTEXT);
  db.transaction(() => {
    const customKeys = new Set<string>();
    for (const customer of customers) for (const key of Object.keys(customer.text)) if (!CANONICAL.has(key)) customKeys.add(key);
    for (const key of [...Object.keys(types), ...textFields]) if (!CANONICAL.has(key)) customKeys.add(key);
    const field = db.prepare('INSERT OR IGNORE INTO customer_fields (key, label, created_at, type, locale) VALUES (?, ?, ?, ?, ?)');
    for (const key of customKeys) field.run(key, key, STAMP, types[key] ?? 'text', types[key] ? locale : null);
    for (const [key, type] of Object.entries(types)) {
      if (CANONICAL.has(key)) db.prepare('UPDATE canonical_field_types SET type = ?, locale = ? WHERE key = ?').run(type, locale, key);
    }
    const insert = db.prepare(
      `INSERT INTO customers (id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes, typed, created_at, updated_at)
       VALUES (@id, @email, @first_name, @last_name, @phone, @birth_date, @gender, @city, @country, @attributes, @typed, @stamp, @stamp)`,
    );
    const order = db.prepare('INSERT INTO orders (id, customer_id, customer_key, ordered_at, total, category) VALUES (?, ?, ?, ?, ?, ?)');
    const event = db.prepare(
      'INSERT INTO events (customer_id, customer_key, type, occurred_at, properties, category) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const score = db.prepare('INSERT INTO customer_scores (score, customer_id, value, label) VALUES (?, ?, ?, ?)');
    let orderId = 0;
    for (const customer of customers) {
      const columns: Record<string, string | null> = {};
      for (const key of CANONICAL_KEYS) if (key !== 'id') columns[key] = customer.text[key] ?? null;
      const attributes: Record<string, string> = {};
      for (const [key, value] of Object.entries(customer.text)) if (!CANONICAL.has(key)) attributes[key] = value;
      const typed: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(customer.typed)) typed[key] = storedTyped(types[key] ?? 'text', value);
      insert.run({ ...columns, id: customer.id, attributes: JSON.stringify(attributes), typed: JSON.stringify(typed), stamp: STAMP });
      for (const o of customer.orders) order.run(`O${++orderId}`, customer.id, customer.id, o.orderedAt, o.total, o.category);
      for (const e of customer.events) {
        const properties: Record<string, string> = {};
        if (e.category !== undefined) properties.category = e.category;
        if (e.product !== undefined) properties.product = e.product;
        event.run(customer.id, customer.id, e.type, e.occurredAt, JSON.stringify(properties), e.category ?? null);
      }
      for (const [name, value] of Object.entries(customer.scores)) {
        score.run(name, customer.id, typeof value === 'number' ? value : null, typeof value === 'string' ? value : null);
      }
    }
  })();
}

/** A customer with nothing but an id, to spread the fields one test needs over. */
export const blankCustomer = (id: string, patch: Partial<EvalCustomer> = {}): EvalCustomer => ({
  id,
  text: {},
  typed: {},
  orders: [],
  events: [],
  scores: {},
  ...patch,
});
