import type { DedupPair, DedupSide, SurvivorshipConfigInput } from '../contract/schemas';
import { chooseValues, DEFAULT_SURVIVORSHIP, isBlank, type SurvivorRecord, type SurvivorshipConfig } from './survivorship';

/**
 * The rows of the side-by-side comparison: every field either record has, with
 * how the two values compare (the engine's outcome where it compared the field,
 * plain equality elsewhere) and which side a merge would keep.
 */

export type Agreement = 'equal' | 'similar' | 'different' | 'missing';

export interface CompareRow {
  key: string;
  label: string;
  a: string;
  b: string;
  agreement: Agreement;
  /** Which side's value the survivor keeps, and why. */
  keeps: 'a' | 'b';
  reason: string;
}

const CANONICAL: readonly [string, string][] = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['birth_date', 'Birth date'],
  ['gender', 'Gender'],
  ['city', 'City'],
  ['country', 'Country'],
];

/** The engine's field names for the customer fields it compares. */
const ENGINE_FIELD: Readonly<Record<string, string>> = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  phone: 'phone',
  birth_date: 'birthDate',
  city: 'city',
};

const REASON_TEXT: Readonly<Record<string, string>> = {
  same: 'same value',
  only_value: 'the only value',
  most_recent: 'most recent',
  most_complete: 'most complete',
  preferred_source: 'preferred source',
};

function valuesOf(side: DedupSide): Record<string, string | null> {
  const { customer } = side;
  const values: Record<string, string | null> = { ...customer.attributes };
  for (const [key] of CANONICAL) values[key] = customer[key as keyof typeof customer] as string | null;
  return values;
}

function record(side: DedupSide): SurvivorRecord {
  return { id: side.customer.id, updatedAt: side.updatedAt, source: side.source, values: valuesOf(side) };
}

const shown = (value: unknown): string => (isBlank(value) ? '' : String(value));

export function compareRows(
  pair: DedupPair,
  survivorId: string,
  rules: SurvivorshipConfigInput | undefined,
  /** Field labels by key (the original CSV headers of custom fields). */
  labels: ReadonlyMap<string, string> = new Map(),
): CompareRow[] {
  const config: SurvivorshipConfig = rules
    ? { default: rules.default, fields: rules.fields ?? {}, preferredSources: rules.preferredSources ?? [] }
    : DEFAULT_SURVIVORSHIP;
  const [survivor, other] = survivorId === pair.a.customer.id ? [pair.a, pair.b] : [pair.b, pair.a];
  const chosen = new Map(chooseValues(record(survivor), record(other), config).map((c) => [c.field, c]));
  const a = valuesOf(pair.a);
  const b = valuesOf(pair.b);
  const attributeKeys = [...new Set([...Object.keys(pair.a.customer.attributes), ...Object.keys(pair.b.customer.attributes)])].sort();
  const rows: [string, string][] = [
    ...CANONICAL,
    ...attributeKeys.map((key): [string, string] => [key, labels.get(key) ?? key.replaceAll('_', ' ')]),
  ];
  return rows
    .filter(([key]) => !isBlank(a[key]) || !isBlank(b[key]))
    .map(([key, label]) => {
      const engine = ENGINE_FIELD[key];
      const outcome = engine ? pair.fields.find((f) => f.field === engine)?.outcome : undefined;
      const av = shown(a[key]);
      const bv = shown(b[key]);
      const agreement: Agreement =
        outcome ?? (!av || !bv ? 'missing' : av.trim().toLowerCase() === bv.trim().toLowerCase() ? 'equal' : 'different');
      const choice = chosen.get(key);
      return {
        key,
        label,
        a: av,
        b: bv,
        agreement,
        keeps: choice?.from === pair.b.customer.id ? 'b' : 'a',
        reason: REASON_TEXT[choice?.reason ?? 'same'] ?? '',
      };
    });
}
