import type { ColumnMapping } from '../contract/schemas';
import { headerWords, toSnakeKey } from './naming';
import { CONNECTOR_WORDS, FIELD_SYNONYMS, FULL_NAME_SYNONYMS, QUALIFIER_RANKS } from './synonyms';

/**
 * The customer fields Tailor knows by name, and how CSV headers map onto them.
 * Pure: the renderer uses it to preview a mapping before anything is imported.
 */

export const CANONICAL_KEYS = ['id', 'email', 'first_name', 'last_name', 'phone', 'birth_date', 'gender', 'city', 'country'] as const;
export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

export interface CanonicalField {
  key: CanonicalKey;
  label: string;
}

export const CANONICAL_FIELDS: readonly CanonicalField[] = [
  { key: 'id', label: 'Customer ID' },
  { key: 'email', label: 'Email' },
  { key: 'first_name', label: 'First name' },
  { key: 'last_name', label: 'Last name' },
  { key: 'phone', label: 'Phone' },
  { key: 'birth_date', label: 'Birth date' },
  { key: 'gender', label: 'Gender' },
  { key: 'city', label: 'City' },
  { key: 'country', label: 'Country' },
];

const CANONICAL_KEY_SET: ReadonlySet<string> = new Set(CANONICAL_KEYS);

export const isCanonicalKey = (key: string): key is CanonicalKey => CANONICAL_KEY_SET.has(key);

const SYNONYM_TO_FIELD: ReadonlyMap<string, { key: CanonicalKey; rank: number }> = new Map(
  CANONICAL_KEYS.flatMap((key) => FIELD_SYNONYMS[key].map(({ word, rank }) => [word, { key, rank }] as const)),
);
const FULL_NAMES: ReadonlySet<string> = new Set(FULL_NAME_SYNONYMS);

const stripBom = (header: string): string => (header.charCodeAt(0) === 0xfeff ? header.slice(1) : header);

/** What a header names: a canonical field, how strongly (lower wins), or a full name to split. */
export type HeaderMeaning =
  { kind: 'field'; key: CanonicalKey; qualifier: number; qualifierSum: number; rank: number } | { kind: 'full_name' } | { kind: 'none' };

/**
 * Read a header as a field name plus qualifiers around it ("Default Address
 * City", "billing_phone", "Ville de facturation"). Every word that is not part
 * of the field's synonym must be a known qualifier or connector, so "Accepts
 * Email Marketing" or "Last Activity" stay custom. The longest synonym wins.
 */
export function readHeader(header: string): HeaderMeaning {
  const words = headerWords(stripBom(header));
  for (let length = words.length; length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const hit = SYNONYM_TO_FIELD.get(words.slice(start, start + length).join(''));
      if (hit === undefined) continue;
      const rest = [...words.slice(0, start), ...words.slice(start + length)].filter((word) => !CONNECTOR_WORDS.has(word));
      const ranks = rest.map((word) => QUALIFIER_RANKS.get(word));
      if (ranks.some((rank) => rank === undefined)) continue;
      const known = ranks as number[];
      return { kind: 'field', key: hit.key, qualifier: known[0] ?? 0, qualifierSum: known.reduce((a, b) => a + b, 0), rank: hit.rank };
    }
  }
  return FULL_NAMES.has(words.join('')) ? { kind: 'full_name' } : { kind: 'none' };
}

/** The canonical field a header stands for, or null when it is a custom attribute. */
export function canonicalKeyFor(header: string): CanonicalKey | null {
  const meaning = readHeader(header);
  return meaning.kind === 'field' ? meaning.key : null;
}

/** Names a custom attribute may not take: the canonical fields, and `customer`, the template namespace. */
const RESERVED_KEYS: ReadonlySet<string> = new Set<string>([...CANONICAL_KEYS, 'customer', 'attributes']);

/** Key of the custom attribute that keeps a split full name as written. */
export const FULL_NAME_KEY = 'full_name';

/** Phones fall back column by column, in the order documented in README (Import). */
const FALLBACK_FIELDS: ReadonlySet<CanonicalKey> = new Set<CanonicalKey>(['phone']);

/**
 * Map every column of a CSV header, in order. No column is ever dropped.
 *
 * When several columns name the same canonical field (billing and shipping
 * city), the winner is decided by qualifier, then synonym rank, then position
 * (see QUALIFIER_RANKS), so the choice never depends on column order alone;
 * the others become custom attributes under their own names. The other phone
 * columns also fill `phone` in rows where the winner is empty, in the same
 * order. A full-name column becomes `full_name` and, when the file does not
 * have both first and last name columns, is split into them row by row.
 * Custom keys are unique snake_case and never reserved, so an attribute cannot
 * shadow a field in templates.
 */
export function mapHeaders(headers: readonly string[]): ColumnMapping[] {
  const cleaned = headers.map((raw) => stripBom(raw).trim());
  const meanings = cleaned.map(readHeader);

  const byField = new Map<CanonicalKey, number[]>();
  meanings.forEach((meaning, index) => {
    if (meaning.kind !== 'field') return;
    byField.set(meaning.key, [...(byField.get(meaning.key) ?? []), index]);
  });
  const order = (index: number): number[] => {
    const meaning = meanings[index];
    return meaning?.kind === 'field' ? [meaning.qualifier, meaning.qualifierSum, meaning.rank, index] : [index];
  };
  const compare = (a: number, b: number): number => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  const winners = new Map<number, CanonicalKey>();
  const fallbacks = new Map<number, { field: CanonicalKey; rank: number }>();
  for (const [key, indexes] of byField) {
    const ranked = [...indexes].sort(compare);
    winners.set(ranked[0] as number, key);
    if (FALLBACK_FIELDS.has(key)) ranked.slice(1).forEach((index, n) => fallbacks.set(index, { field: key, rank: n + 1 }));
  }
  const splitName = !(byField.has('first_name') && byField.has('last_name'));

  const taken = new Set<string>(winners.values());
  const custom = (base: string): string => {
    let key = base;
    for (let n = 2; taken.has(key) || RESERVED_KEYS.has(key); n++) key = `${base}_${n}`;
    taken.add(key);
    return key;
  };
  let fullNameSeen = false;
  return cleaned.map((header, index): ColumnMapping => {
    const canonical = winners.get(index);
    if (canonical !== undefined) return { header, key: canonical, kind: 'canonical' };
    if (meanings[index]?.kind === 'full_name' && !fullNameSeen) {
      fullNameSeen = true;
      const key = custom(FULL_NAME_KEY);
      return splitName ? { header, key, kind: 'custom', fills: { kind: 'split_name' } } : { header, key, kind: 'custom' };
    }
    const key = custom(toSnakeKey(header) || `column_${index + 1}`);
    const fallback = fallbacks.get(index);
    return fallback === undefined
      ? { header, key, kind: 'custom' }
      : { header, key, kind: 'custom', fills: { kind: 'fallback', field: fallback.field, rank: fallback.rank } };
  });
}

/** The mapping has something to identify a customer by. */
export const hasIdentityColumn = (mapping: readonly ColumnMapping[]): boolean =>
  mapping.some((column) => column.kind === 'canonical' && (column.key === 'id' || column.key === 'email'));
