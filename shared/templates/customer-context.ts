import type { Customer, ResolvedToken } from '../contract/schemas';
import { CANONICAL_KEYS } from '../fields/canonical';
import { toPascalAlias } from '../fields/naming';
import type { LiquidValue } from './typed-value';

const CANONICAL_COLUMNS = CANONICAL_KEYS satisfies readonly (keyof Customer)[];

type Scalar = LiquidValue;
export type LiquidContext = Record<string, Scalar | Record<string, Scalar>>;

/** How a field's non-empty text reaches Liquid; `typed-fields.ts` reads it with the field's type. */
export type ValueReader = (key: string, text: string) => Scalar;

const asText: ValueReader = (_key, text) => text;

/**
 * The variables a template sees for one customer: every field under its
 * snake_case key and its PascalCase alias, plus the same set under
 * `customer.` for authors who prefer a namespace. Empty values are left
 * undefined so `| default:` applies to them exactly as to missing fields.
 * With a reader over the workspace's field catalogue (`catalogueReader`),
 * typed fields get typed values; without one (the resolved-token list),
 * every value is the text as imported. Kept free of the parsers, so the
 * renderer can use `displayName` without bundling them.
 */
export function customerContext(customer: Customer, read: ValueReader = asText): LiquidContext {
  const flat: Record<string, Scalar> = {};
  const put = (key: string, value: string | null | undefined) => {
    const v = value === null || value === undefined || value.trim() === '' ? undefined : read(key, value);
    flat[key] = v;
    const alias = toPascalAlias(key);
    // A canonical field wins over an attribute that happens to share its alias.
    if (!(alias in flat) || flat[alias] === undefined) flat[alias] = v;
  };
  for (const column of CANONICAL_COLUMNS) put(column, customer[column]);
  for (const [key, value] of Object.entries(customer.attributes)) {
    if (!(key in flat)) put(key, value);
  }
  const full = [customer.first_name, customer.last_name].filter((part) => part && part.trim()).join(' ');
  // A derived convenience token; an imported "Full Name" column wins.
  if (full && flat.full_name === undefined) put('full_name', full);
  return { ...flat, customer: { ...flat } };
}

/** How a persona's card names its customer: full name, else email, else id. */
export function displayName(customer: Customer): string {
  const full = [customer.first_name, customer.last_name].filter((part) => part && part.trim()).join(' ');
  return full || customer.email || customer.id;
}

/** The value each referenced token resolves to for this customer (first 40 distinct tokens). */
export function resolveTokens(paths: readonly (readonly (string | number)[])[], context: LiquidContext): ResolvedToken[] {
  const seen = new Set<string>();
  const tokens: ResolvedToken[] = [];
  for (const path of paths) {
    const name = path.join('.');
    if (seen.has(name) || tokens.length >= 40) continue;
    seen.add(name);
    let value: unknown = context;
    for (const part of path) {
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(part)] : undefined;
    }
    // A list (a customer's segments) shows as its items, so an empty one reads as empty rather than missing.
    const text = Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : null;
    tokens.push({ name, value: text, missing: text === null });
  }
  return tokens;
}
