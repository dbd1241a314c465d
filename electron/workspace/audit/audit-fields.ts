import { CANONICAL_FIELDS } from '../../../shared/fields/canonical';
import { DEFAULT_CONTEXT, detectColumn, FieldType } from '../../../shared/fields/types';
import { isPastOnlyField } from '../../../shared/audit/dates';
import type { FieldSpec } from '../../../shared/audit/field-profiler';
import { canonicalFieldTypes, storedTyping, type StoredFieldType } from '../customers-repo';
import type { Db } from '../db';
import { MAX_CUSTOM_FIELDS } from '../field-stats';

/** Values read to guess the type of a field no import has typed yet. */
const DETECTION_SAMPLE = 2_000;

const BIRTH = /(^|_)(birth|birthday|dob|born)(_|$)/;

function spec(base: Omit<FieldSpec, 'pastOnly' | 'birthDate' | 'perDay'> & Partial<FieldSpec>): FieldSpec {
  const dated = base.type === 'date' || base.type === 'date-time';
  return {
    ...base,
    pastOnly: base.pastOnly ?? (dated && isPastOnlyField(base.key)),
    birthDate: base.birthDate ?? (base.type === 'date' && BIRTH.test(base.key)),
    perDay: base.perDay ?? false,
  };
}

/** Untyped fields (imported before typing, or typed by nothing yet) are read as the type their values suggest. */
function detectedType(db: Db, key: string, label: string): Pick<FieldSpec, 'type' | 'context'> {
  const path = `$."${key.replace(/"/g, '""')}"`;
  const values = db
    .prepare(`SELECT json_extract(attributes, ?) FROM customers WHERE trim(COALESCE(json_extract(attributes, ?), '')) <> '' LIMIT ?`)
    .pluck()
    .all(path, path, DETECTION_SAMPLE);
  const detection = detectColumn(
    values.map((value) => String(value)),
    { header: label },
  );
  return { type: detection.type, context: detection.context };
}

function typed(row: StoredFieldType | undefined): Pick<FieldSpec, 'type' | 'context'> | null {
  if (!row) return null;
  const stored = storedTyping(row);
  if (stored) return { type: stored.type, context: stored.context };
  return null;
}

/**
 * The fields an audit covers: every canonical and custom customer field with
 * its catalogue type, then the order and event columns that matter (amount,
 * date, status, type). Canonical types are fixed, so they hold before any
 * import set their locale.
 */
export function auditFields(db: Db): FieldSpec[] {
  const canonicalTypes = canonicalFieldTypes(db);
  const fields: FieldSpec[] = CANONICAL_FIELDS.map(({ key, label }) => {
    const row = canonicalTypes.get(key);
    const type = typed(row) ?? { type: FieldType.safeParse(row?.type).data ?? 'text', context: DEFAULT_CONTEXT };
    return spec({ id: `customers.${key}`, table: 'customers', key, label, kind: 'canonical', typeSource: 'catalogue', ...type });
  });
  const custom = db
    .prepare('SELECT key, label, type, locale, warning FROM customer_fields ORDER BY key LIMIT ?')
    .all(MAX_CUSTOM_FIELDS) as (StoredFieldType & { key: string; label: string })[];
  for (const { key, label, ...row } of custom) {
    const stored = typed(row);
    fields.push(
      spec({
        id: `customers.${key}`,
        table: 'customers',
        key,
        label,
        kind: 'custom',
        typeSource: stored ? 'catalogue' : 'detected',
        ...(stored ?? detectedType(db, key, label)),
      }),
    );
  }
  const column = (table: 'orders' | 'events', key: string, label: string, type: FieldType, extra: Partial<FieldSpec> = {}) =>
    spec({ id: `${table}.${key}`, table, key, label, kind: 'column', type, typeSource: 'fixed', context: DEFAULT_CONTEXT, ...extra });
  fields.push(
    column('orders', 'total', 'Order amount', 'money'),
    column('orders', 'ordered_at', 'Order date', 'date-time', { pastOnly: true, perDay: true }),
    column('orders', 'status', 'Order status', 'text'),
    column('orders', 'currency', 'Order currency', 'text'),
    column('orders', 'category', 'Order category', 'text'),
    column('orders', 'items', 'Items per order', 'number'),
    column('events', 'type', 'Event type', 'text'),
    column('events', 'occurred_at', 'Event time', 'date-time', { pastOnly: true, perDay: true }),
  );
  return fields;
}
