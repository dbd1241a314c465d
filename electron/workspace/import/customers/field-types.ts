import type { ColumnMapping } from '../../../../shared/contract/schemas';
import type { TypedField } from '../../../../shared/fields/catalogue';
import {
  type ColumnDetection,
  ColumnDetector,
  type ColumnValueReading,
  detectLocale,
  FieldType,
  parseValue,
  type ParseContext,
} from '../../../../shared/fields/types';
import type { FieldCatalogue } from '../../../../shared/fields/catalogue';
import { canonicalFieldTypes, fieldCatalogue, storedTyping, type StoredFieldType } from '../../customers-repo';
import type { Db } from '../../db';
import type { StagedCustomer } from './steps';

/**
 * The import step that types fields: each custom column's type is detected
 * from the whole column as this import staged it (streamed through a
 * ColumnDetector, so memory stays bounded whatever the file size), with the
 * file's locale read from its first rows. Canonical fields have fixed types;
 * the import only records the locale their values are read with.
 *
 * A field typed by an earlier import keeps its type and locale: when a later
 * column disagrees, a custom field falls back to text and a canonical one
 * keeps its locale, each with a warning saying why. A column the mapping
 * gives a type (the import wizard's choice) takes that type, no detection
 * asked. The committer then stores the typed values (typed-values.ts): new
 * customers get theirs in the upsert itself, the others afterwards, and every
 * customer of a field whose typing changed too.
 */

/** Rows the file's locale is read from. */
export const LOCALE_ROWS = 200;
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

/** The other reading of an ambiguous value: "1.234" with the other decimal mark, "05/03/1990" in the other day order. */
const FLIPS: Partial<Record<FieldType, (context: ParseContext) => ParseContext>> = {
  number: (c) => ({ ...c, decimalSeparator: c.decimalSeparator === '.' ? ',' : '.' }),
  money: (c) => ({ ...c, decimalSeparator: c.decimalSeparator === '.' ? ',' : '.' }),
  date: (c) => ({ ...c, dateOrder: c.dateOrder === 'day-first' ? 'month-first' : 'day-first' }),
  'date-time': (c) => ({ ...c, dateOrder: c.dateOrder === 'day-first' ? 'month-first' : 'day-first' }),
};

/** Whether a value reads differently in the field's context and the other one. */
function ambiguousIn({ type, context }: TypedField, value: string): boolean {
  const flip = FLIPS[type];
  if (!flip) return false;
  const here = parseValue(type, value, context);
  const there = parseValue(type, value, flip(context));
  return here.ok && there.ok && JSON.stringify(here.value) !== JSON.stringify(there.value);
}

/**
 * Whether this import's values still read right as the field was typed
 * `before`. Money reads plain amounts too. A different decimal mark or day
 * order matters only if some value of this import reads differently in the
 * two ("1.234", "05/03/1990"): "1,234.56" and ISO dates read the same in both.
 */
function sameReading(before: TypedField, found: TypedField, ambiguousValue: string | undefined): boolean {
  const type = before.type === 'money' && found.type === 'number' ? 'money' : found.type;
  if (before.type !== type) return false;
  if (FLIPS[type] && ambiguousValue === undefined) return true;
  return (RELEVANT[type] ?? []).every((key) => before.context[key] === found.context[key]);
}

const describe = ({ type, context }: TypedField): string => {
  const parts = (RELEVANT[type] ?? []).map((key) => `${key} ${String(context[key] ?? 'unset')}`);
  return parts.length ? `${type} (${parts.join(', ')})` : type;
};

export interface Column {
  key: string;
  header: string;
  canonical: boolean;
  /** A canonical field's fixed type; custom fields take the detected one. */
  type?: FieldType;
  /** How the field was read before this import; null while untyped. */
  before: TypedField | null;
  detector: ColumnDetector | null;
  detection?: ColumnDetection | null;
  /** The first value of this import that the field's context and the other one read differently. */
  ambiguous?: string;
  /** The type the mapping chose for this column, which wins over detection and over an earlier import. */
  chosen?: FieldType;
  /** The locale its detector reads with (the field's own, else the file's). */
  detectorLocale?: ParseContext;
}

/** The type a mapping column was given, if any: optional, and unknown values are ignored rather than trusted. */
const chosenType = (column: ColumnMapping): FieldType | undefined => FieldType.safeParse((column as { type?: unknown }).type).data;

export const valuesOf = (staged: StagedCustomer): string[] => [
  ...Object.entries(staged).flatMap(([key, value]) =>
    key !== 'attributes' && key !== 'derived_id' && typeof value === 'string' ? [value] : [],
  ),
  ...Object.values(staged.attributes),
];

/** The field catalogue before and after this import's typing. */
export interface ImportTyping {
  before: FieldCatalogue;
  after: FieldCatalogue;
}

/** What the columns said, tallied while the rows were staged (typing-tally.ts) or read again from staging. */
export interface TypingEvidence {
  locale: ParseContext;
  columns: Column[];
  /** Keys of the columns this import filled. */
  filled: Set<string>;
}

/**
 * Runs inside the customers import's final transaction, after custom fields are registered. It reads only
 * the staged rows (or what was tallied while staging them) and the catalogue, so it can run before the
 * upsert, which then writes typed values as it inserts.
 */
export function decideImportedTypes(
  db: Db,
  importId: number,
  mapping: readonly ColumnMapping[],
  fileName: string,
  tallied: TypingEvidence | null = null,
): ImportTyping {
  const before = fieldCatalogue(db);
  settleTypes(db, tallied ?? readStagedEvidence(db, importId, mapping), fileName);
  return { before, after: fieldCatalogue(db) };
}

/** The locale the user chose in the wizard (decimal mark, dates, phone country), else the one the first staged rows show. */
export function typingLocale(mapping: readonly ColumnMapping[], firstRows: readonly (readonly string[])[]): ParseContext {
  return mapping.find((column) => column.locale)?.locale ?? detectLocale(firstRows).context;
}

/** The columns whose values decide a field's typing, as the catalogue stands now, each with a fresh detector. */
export function typingColumns(db: Db, mapping: readonly ColumnMapping[], locale: ParseContext): Column[] {
  const customRows = new Map(
    (db.prepare('SELECT key, type, locale, warning FROM customer_fields').all() as (StoredFieldType & { key: string })[]).map(
      ({ key, ...row }) => [key, row],
    ),
  );
  const columns: Column[] = [];
  const seen = new Set<string>();
  // A typed field's column is read with the field's own context, so only values that decide otherwise
  // (a 13/04/1990 in a month-first field) disagree; ISO dates or plain amounts never do.
  const detector = (header: string, before: TypedField | null) => new ColumnDetector({ header, locale: before?.context ?? locale });
  for (const column of mapping) {
    if (column.kind !== 'custom' || seen.has(column.key)) continue;
    seen.add(column.key);
    const header = column.header || column.key;
    const stored = customRows.get(column.key);
    const before = stored ? storedTyping(stored) : null;
    const chosen = chosenType(column);
    // A text field stays text, unless the user chose a type for it.
    if (before?.type === 'text' && chosen === undefined) continue;
    columns.push({
      key: column.key,
      header,
      canonical: false,
      before,
      detector: detector(header, before),
      chosen,
      detectorLocale: before?.context ?? locale,
    });
  }
  for (const [key, stored] of canonicalFieldTypes(db)) {
    const type = FieldType.safeParse(stored.type).data ?? 'text';
    const before = storedTyping(stored);
    // Only a date's column decides something (its day order); the others take the locale of the first file that fills them.
    if (type === 'text' || (before !== null && type !== 'date')) continue;
    const header = mapping.find((column) => column.kind === 'canonical' && column.key === key)?.header ?? key;
    const detects = type === 'date';
    columns.push({
      key,
      header,
      canonical: true,
      type,
      before,
      detector: detects ? detector(header, before) : null,
      ...(detects ? { detectorLocale: before?.context ?? locale } : {}),
    });
  }
  return columns;
}

/** Everything about `columns` that decides how they are read, to tell whether the catalogue changed under a tally. */
export const columnsSignature = (columns: readonly Column[]): string =>
  JSON.stringify(
    columns.map(({ key, header, canonical, type, before, chosen, detectorLocale }) => [
      key,
      header,
      canonical,
      type,
      before,
      chosen,
      detectorLocale,
    ]),
  );

/** One staged value of a column: `known` is its detector reading when the parse thread did it ahead. */
export function feedColumn(column: Column, value: unknown, filled: Set<string>, known?: ColumnValueReading): void {
  if (typeof value !== 'string' || value.trim() === '') return;
  filled.add(column.key);
  column.detector?.add(value, known);
  if (column.before && column.ambiguous === undefined && ambiguousIn(column.before, value)) column.ambiguous = value;
}

/** The second pass: the staged rows read again (when nothing was tallied while staging, or the tally no longer holds). */
function readStagedEvidence(db: Db, importId: number, mapping: readonly ColumnMapping[]): TypingEvidence {
  const staged = db.prepare('SELECT record FROM import_staging WHERE import_id = ? ORDER BY line');
  const firstRows: string[][] = [];
  for (const { record } of staged.iterate(importId) as Iterable<{ record: string }>) {
    firstRows.push(valuesOf(JSON.parse(record) as StagedCustomer));
    if (firstRows.length >= LOCALE_ROWS) break;
  }
  const locale = typingLocale(mapping, firstRows);
  const columns = typingColumns(db, mapping, locale);

  // Each detector keeps up to 20,000 distinct values; a very wide file is read in several passes
  // of a few dozen columns, so memory stays bounded whatever its width.
  const filled = new Set<string>();
  for (let start = 0; start < columns.length; start += COLUMNS_PER_PASS) {
    const group = columns.slice(start, start + COLUMNS_PER_PASS);
    // SQLite extracts just this pass's cells, so no staged record is parsed whole in JavaScript.
    const cells = db
      .prepare(
        `SELECT ${group.map((_, index) => `json_extract(record, @path${index})`).join(', ')}
         FROM import_staging WHERE import_id = @importId ORDER BY line`,
      )
      .raw();
    const paths = Object.fromEntries(
      group.map((column, index) => [`path${index}`, column.canonical ? `$."${column.key}"` : `$.attributes."${column.key}"`]),
    );
    for (const row of cells.iterate({ importId, ...paths }) as Iterable<unknown[]>) {
      for (let index = 0; index < group.length; index++) feedColumn(group[index] as Column, row[index], filled);
    }
    for (const column of group) column.detection = column.detector?.result() ?? null;
    for (const column of group) column.detector = null;
  }
  return { locale, columns, filled };
}

/** What settling the types writes for one column: its typing (a canonical field's type stays its own) and warning. */
interface TypeWrite {
  column: Column;
  typed: TypedField;
  warning: string | null;
}

/**
 * The catalogue writes the evidence decides, as data: `detectionOf` gives a column's detection (at the
 * commit, its detector's final result; for a prediction, what the detector says so far).
 */
function typeWrites(
  { locale, columns, filled }: TypingEvidence,
  fileName: string,
  detectionOf: (column: Column) => ColumnDetection | null,
): TypeWrite[] {
  const writes: TypeWrite[] = [];
  for (const column of columns) {
    // A column this import left empty says nothing about the field.
    if (!filled.has(column.key)) continue;
    const detection = detectionOf(column);
    const found: TypedField = {
      type: column.type ?? detection?.type ?? 'text',
      context: detection?.context ?? column.before?.context ?? locale,
    };
    const detectedWarning = detection?.warnings.length ? detection.warnings.join(' ') : null;
    const before = column.before;
    const write = (typed: TypedField, warning: string | null) => writes.push({ column, typed, warning });

    if (column.chosen !== undefined) write({ type: column.chosen, context: found.context }, null);
    else if (before === null) write(found, detectedWarning);
    else if (sameReading(before, found, column.ambiguous)) {
      if (detectedWarning !== null) write(before, detectedWarning);
    } else if (column.canonical) {
      write(
        before,
        `"${column.header}" in ${fileName} reads as ${describe(found)}, but this field's values are read as ${describe(before)}; kept that.`,
      );
    } else {
      write(
        { type: 'text', context: before.context },
        `"${column.header}" in ${fileName} reads as ${describe(found)}${column.ambiguous === undefined ? '' : ` ("${column.ambiguous}")`}, but an earlier import typed this field ${describe(before)}; it is text now.`,
      );
    }
  }
  return writes;
}

function settleTypes(db: Db, evidence: TypingEvidence, fileName: string): void {
  for (const column of evidence.columns) {
    if (column.detector !== null) column.detection = column.detector.result();
    column.detector = null;
  }
  const setCustom = db.prepare('UPDATE customer_fields SET type = ?, locale = ?, warning = ? WHERE key = ?');
  const setCanonical = db.prepare('UPDATE canonical_field_types SET locale = ?, warning = ? WHERE key = ?');
  for (const { column, typed, warning } of typeWrites(evidence, fileName, (c) => c.detection ?? null)) {
    if (column.canonical) setCanonical.run(JSON.stringify(typed.context), warning, column.key);
    else setCustom.run(typed.type, JSON.stringify(typed.context), warning, column.key);
  }
}

/**
 * The catalogue this import's commit would leave if the rest of the file said what its rows so far say:
 * the stored catalogue with `typeWrites` applied, read back as `fieldCatalogue` reads it (custom fields
 * the commit will register follow the existing ones, in mapping order). Nothing is written; the
 * detectors keep counting. Typed values computed under it while streaming (typing-tally.ts) are kept
 * only if the commit's real catalogue turns out the same.
 */
export function predictCatalogue(db: Db, mapping: readonly ColumnMapping[], evidence: TypingEvidence, fileName: string): FieldCatalogue {
  const writes = new Map(
    typeWrites(evidence, fileName, (column) => column.detector?.result() ?? column.detection ?? null).map((write) => [
      `${write.column.canonical ? 'c' : 'x'}:${write.column.key}`,
      write.typed,
    ]),
  );
  const catalogue: Record<string, TypedField> = {};
  const take = (key: string, row: StoredFieldType): void => {
    const typed = storedTyping(row);
    if (typed && typed.type !== 'text') catalogue[key] = typed;
  };
  for (const [key, row] of canonicalFieldTypes(db)) {
    const written = writes.get(`c:${key}`);
    take(key, written ? { ...row, locale: JSON.stringify(written.context) } : row);
  }
  const custom = db.prepare('SELECT key, type, locale, warning FROM customer_fields').all() as (StoredFieldType & { key: string })[];
  const known = new Set(custom.map((row) => row.key));
  const fresh = [...new Set(mapping.flatMap((column) => (column.kind === 'custom' && !known.has(column.key) ? [column.key] : [])))];
  for (const { key, ...row } of [...custom, ...fresh.map((key) => ({ key, type: 'text', locale: null, warning: null }))]) {
    const written = writes.get(`x:${key}`);
    const stored = written ? { ...row, type: written.type, locale: JSON.stringify(written.context) } : row;
    if (stored.locale !== null) take(key, stored);
  }
  return catalogue;
}
