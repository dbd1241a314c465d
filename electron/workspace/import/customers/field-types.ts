import type { ColumnMapping } from '../../../../shared/contract/schemas';
import type { TypedField } from '../../../../shared/fields/catalogue';
import { type ColumnDetection, ColumnDetector, detectLocale, type FieldType, type ParseContext } from '../../../../shared/fields/types';
import { canonicalFieldTypes, storedTyping, type StoredFieldType } from '../../customers-repo';
import type { Db } from '../../db';
import type { StagedCustomer } from './steps';

/**
 * The import step that types fields: each custom column's type is detected
 * from the whole column as this import staged it (streamed through a
 * ColumnDetector, so memory stays bounded whatever the file size), with the
 * file's locale read from its first rows. Canonical fields have fixed types;
 * the import only records the locale their values are read with.
 *
 * Values stay stored as text, read with the field's one stored locale, so a
 * field typed by an earlier import keeps its type and locale: when a later
 * column disagrees, a custom field falls back to text and a canonical one
 * keeps its locale, each with a warning saying why.
 */

/** Rows the file's locale is read from. */
const LOCALE_ROWS = 200;
const COLUMNS_PER_PASS = 64;

/** What of the locale a value of each type depends on: a change there changes what stored text means. */
const RELEVANT: Partial<Record<FieldType, readonly (keyof ParseContext)[]>> = {
  number: ['decimalSeparator'],
  money: ['decimalSeparator'],
  date: ['dateOrder'],
  'date-time': ['dateOrder'],
  phone: ['defaultCountry'],
  list: ['listDelimiter'],
};

function sameReading(a: TypedField, b: TypedField): boolean {
  return a.type === b.type && (RELEVANT[a.type] ?? []).every((key) => a.context[key] === b.context[key]);
}

const describe = ({ type, context }: TypedField): string => {
  const parts = (RELEVANT[type] ?? []).map((key) => `${key} ${String(context[key] ?? 'unset')}`);
  return parts.length ? `${type} (${parts.join(', ')})` : type;
};

interface Column {
  key: string;
  header: string;
  canonical: boolean;
  stored: StoredFieldType | null;
  detector: ColumnDetector | null;
  detection?: ColumnDetection | null;
}

const valuesOf = (staged: StagedCustomer): string[] => [
  ...Object.entries(staged).flatMap(([key, value]) =>
    key !== 'attributes' && key !== 'derived_id' && typeof value === 'string' ? [value] : [],
  ),
  ...Object.values(staged.attributes),
];

/** Runs inside the customers import's final transaction, after custom fields are registered. */
export function typeImportedFields(db: Db, importId: number, mapping: readonly ColumnMapping[], fileName: string): void {
  const staged = db.prepare('SELECT record FROM import_staging WHERE import_id = ? ORDER BY line');
  const firstRows: string[][] = [];
  for (const { record } of staged.iterate(importId) as Iterable<{ record: string }>) {
    firstRows.push(valuesOf(JSON.parse(record) as StagedCustomer));
    if (firstRows.length >= LOCALE_ROWS) break;
  }
  const locale = detectLocale(firstRows).context;

  const customRows = new Map(
    (db.prepare('SELECT key, type, locale, warning FROM customer_fields').all() as (StoredFieldType & { key: string })[]).map(
      ({ key, ...row }) => [key, row],
    ),
  );
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const column of mapping) {
    if (column.kind !== 'custom' || seen.has(column.key)) continue;
    seen.add(column.key);
    const header = column.header || column.key;
    columns.push({
      key: column.key,
      header,
      canonical: false,
      stored: customRows.get(column.key) ?? null,
      detector: new ColumnDetector({ header, locale }),
    });
  }
  for (const [key, stored] of canonicalFieldTypes(db)) {
    if (stored.type === 'text') continue;
    // Only a date's column decides something (its day order); the other canonical types take the file's locale.
    const header = mapping.find((column) => column.kind === 'canonical' && column.key === key)?.header ?? key;
    columns.push({
      key,
      header,
      canonical: true,
      stored,
      detector: stored.type === 'date' ? new ColumnDetector({ header, locale }) : null,
    });
  }

  // Each detector keeps up to 20,000 distinct values; a very wide file is read in several passes
  // of a few dozen columns, so memory stays bounded whatever its width.
  const filled = new Set<string>();
  for (let start = 0; start < columns.length; start += COLUMNS_PER_PASS) {
    const group = columns.slice(start, start + COLUMNS_PER_PASS);
    for (const { record } of staged.iterate(importId) as Iterable<{ record: string }>) {
      const row = JSON.parse(record) as StagedCustomer;
      for (const column of group) {
        const value = column.canonical ? (row as Record<string, unknown>)[column.key] : row.attributes[column.key];
        if (typeof value !== 'string' || value.trim() === '') continue;
        filled.add(column.key);
        column.detector?.add(value);
      }
    }
    for (const column of group) column.detection = column.detector?.result() ?? null;
    for (const column of group) column.detector = null;
  }

  const setCustom = db.prepare('UPDATE customer_fields SET type = ?, locale = ?, warning = ? WHERE key = ?');
  const setCanonical = db.prepare('UPDATE canonical_field_types SET locale = ?, warning = ? WHERE key = ?');
  for (const column of columns) {
    // A column this import left empty says nothing about the field.
    if (!filled.has(column.key)) continue;
    const detection = column.detection ?? null;
    const found: TypedField = column.canonical
      ? { type: column.stored?.type as FieldType, context: detection?.context ?? locale }
      : { type: detection?.type ?? 'text', context: detection?.context ?? locale };
    const detectedWarning = detection?.warnings.length ? detection.warnings.join(' ') : null;
    const before = column.stored ? storedTyping(column.stored) : null;
    const write = (typed: TypedField, warning: string | null) =>
      column.canonical
        ? setCanonical.run(JSON.stringify(typed.context), warning, column.key)
        : setCustom.run(typed.type, JSON.stringify(typed.context), warning, column.key);

    if (before === null) write(found, detectedWarning);
    else if (before.type === 'text' || sameReading(before, found)) continue;
    else if (column.canonical) {
      write(
        before,
        `"${column.header}" in ${fileName} reads as ${describe(found)}, but this field's values are read as ${describe(before)}; kept that.`,
      );
    } else {
      write(
        { type: 'text', context: before.context },
        `"${column.header}" in ${fileName} reads as ${describe(found)}, but an earlier import typed this field ${describe(before)}; it is text now.`,
      );
    }
  }
}
