import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import type { ColumnChoice, CsvDelimiter, ImportEntityName, ImportPreview, ImportSettings } from '../../../shared/contract/schemas';
import { CANONICAL_FIELDS } from '../../../shared/fields/canonical';
import { toSnakeKey } from '../../../shared/fields/naming';
import { FIELD_TYPES, type FieldType } from '../../../shared/fields/types/field-type';
import { EVENT_KEYS, ORDER_KEYS } from '../../../shared/imports/activity-headers';

/** What the import wizard offers for each choice, and how a choice edits the settings sent back to the host. */

export const ENCODINGS: readonly { value: string; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252 (Western European, Excel)' },
  { value: 'iso-8859-15', label: 'ISO-8859-15 (Western European with €)' },
  { value: 'macintosh', label: 'Mac OS Roman' },
  { value: 'utf-16le', label: 'UTF-16LE' },
  { value: 'utf-16be', label: 'UTF-16BE' },
];

export const DELIMITERS: readonly { value: CsvDelimiter; label: string }[] = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe ( | )' },
];

countries.registerLocale(en);

/** The countries national phone numbers can be read in, by English name. */
export const PHONE_COUNTRIES: readonly { value: string; label: string }[] = Object.entries(countries.getNames('en'))
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en'));

/** "France (FR)"; a code the list does not know shows as itself. */
export const phoneCountryLabel = (code: string): string => {
  const name = PHONE_COUNTRIES.find((country) => country.value === code)?.label;
  return name ? `${name} (${code})` : code;
};

export const TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  number: 'Number',
  money: 'Money',
  date: 'Date',
  'date-time': 'Date and time',
  boolean: 'Yes / no',
  email: 'Email',
  phone: 'Phone',
  country: 'Country',
  list: 'List',
};
export const TYPES: readonly FieldType[] = FIELD_TYPES;

const ACTIVITY_LABELS: Record<string, string> = {
  order_id: 'Order ID',
  customer_id: 'Customer ID',
  customer_email: 'Customer email',
  customer: 'Customer (id or email)',
  ordered_at: 'Order date',
  total: 'Amount',
  currency: 'Currency',
  items: 'Items',
  category: 'Category',
  status: 'Status',
  type: 'Event type',
  occurred_at: 'Timestamp',
  product: 'Product',
  value: 'Value',
};

/** The known fields a column of this entity can go to. */
export function fieldsOf(entity: ImportEntityName): readonly { key: string; label: string }[] {
  if (entity === 'customers') return CANONICAL_FIELDS;
  return (entity === 'orders' ? ORDER_KEYS : EVENT_KEYS).map((key) => ({ key, label: ACTIVITY_LABELS[key] ?? key }));
}

/** A column's target as one select value: "canonical:email", "custom", "ignored". */
export const targetValue = (column: ColumnChoice): string => (column.target === 'canonical' ? `canonical:${column.key}` : column.target);

export function withTarget(column: ColumnChoice, index: number, value: string): ColumnChoice {
  if (value.startsWith('canonical:')) return { ...column, target: 'canonical', key: value.slice('canonical:'.length) };
  const customKey = column.target === 'custom' ? column.key : toSnakeKey(column.header) || `column_${index + 1}`;
  return value === 'ignored' ? { ...column, target: 'ignored', key: customKey } : { ...column, target: 'custom', key: customKey };
}

/** The settings with one column changed; a type equal to what detection found is left to detection. */
export function withColumn(preview: ImportPreview, index: number, change: (column: ColumnChoice) => ColumnChoice): ImportSettings {
  const columns = (preview.settings.columns ?? []).map((column, at) => {
    if (at !== index) return column;
    const { type, ...rest } = change(column);
    return type === undefined || type === preview.columns[at]?.detectedType ? rest : { ...rest, type };
  });
  return { ...preview.settings, columns };
}

/**
 * The locale with a new decimal mark (grouping follows it), date order or phone country (national numbers are read
 * in it when a row names no country; `null` reads them in none).
 */
export function withLocale(
  preview: ImportPreview,
  change: { decimalSeparator?: '.' | ','; dateOrder?: 'day-first' | 'month-first'; defaultCountry?: string | null },
): ImportSettings {
  const { defaultCountry, ...rest } = change;
  const locale = { ...preview.locale, ...preview.settings.locale, ...rest };
  if (change.decimalSeparator) locale.thousandsSeparator = change.decimalSeparator === ',' ? '.' : ',';
  if (defaultCountry === null) delete locale.defaultCountry;
  else if (defaultCountry !== undefined) locale.defaultCountry = defaultCountry;
  return { ...preview.settings, locale };
}

/** "2,001 columns" style summary of what the import will bring in. */
export function columnSummary(preview: ImportPreview): { fields: number; custom: number; ignored: number } {
  const count = (target: ColumnChoice['target']) => preview.columns.filter((column) => column.target === target).length;
  return { fields: count('canonical'), custom: count('custom'), ignored: count('ignored') };
}

/** Choices sent to the host whose preview has not come back yet. */
export interface PendingChoices {
  entity: ImportEntityName | undefined;
  settings: ImportSettings | undefined;
}

/**
 * The preview the wizard builds its next choice on: the last one the host returned, with the choices still on
 * their way in place of its settings. Without this, a second choice made before the first preview returns would
 * be built on the older settings and undo the first.
 */
export function withPendingChoices(preview: ImportPreview, pending: PendingChoices | null): ImportPreview {
  if (pending === null) return preview;
  return { ...preview, entity: pending.entity ?? preview.entity, settings: pending.settings ?? preview.settings };
}
