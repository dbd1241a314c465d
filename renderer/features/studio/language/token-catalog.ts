import type { FieldInfo } from '../../../../shared/contract/schemas';
import type { ComputedTokenList, TokenDictionaryEntry } from '../../../../shared/contract/token-schemas';
import { NATIVE_OUTPUTS } from '../../../../shared/esp/dialects/field-map';
import { toPascalAlias } from '../../../../shared/fields/naming';
import { COMPUTED_NAMESPACE, SEGMENTS_TOKEN } from '../../../../shared/templates/computed-tokens';
import { VARIANT_TOKEN } from '../../../../shared/templates/variants';

/**
 * Everything the language services know about the tokens a template can use,
 * as plain data: it crosses to the diagnostics worker with structured clone,
 * and completion, hover and the checks all read the same catalogue.
 */
export interface LanguageData {
  fields: readonly FieldInfo[];
  computed: ComputedTokenList | null;
  dictionary: readonly TokenDictionaryEntry[];
}

export type TokenKind = 'field' | 'custom' | 'score' | 'segments' | 'dictionary' | 'app';

export interface TokenInfo {
  /** The one spelling the app writes: snake_case, `computed.<name>` for a shadowed score. */
  name: string;
  /** Other spellings Liquid accepts for it (the PascalCase alias). */
  aliases: string[];
  kind: TokenKind;
  /** What the value is: a field type (`text`, `money`, `date`…), `number` / `label` for scores, `list` for segments. */
  type: string;
  /** For people: the CSV header, the score's description. */
  label: string;
  /** Share of customers with a value (0–1); null when unknown (scores, segments). */
  fillRate: number | null;
  filled: number | null;
  samples: string[];
  /** The dictionary's fallback: rendering applies it, so the token needs no `default`. */
  fallback: string | null;
  /** For label scores: the labels that exist, so `rfm_tier == 'Champs'` can be flagged. */
  labels: string[];
  /** A short note: the score's as-of date, the field it reads. */
  note: string;
}

export interface TokenCatalog {
  tokens: TokenInfo[];
  /** Segment names, for `customer.segments contains '…'`. */
  segments: string[];
  /** `customer.segments`, or `computed.segments` when an imported field is called `segments`. */
  segmentsToken: string;
  /** Every field of type `list` (loops), by canonical name. */
  lists: string[];
  /** False until the workspace's tokens have loaded: unknown-token checks wait for it. */
  loaded: boolean;
}

/** Variables Liquid always has, which are not tokens: never reported as unknown. */
const BUILT_INS = new Set(['forloop', 'tablerowloop', 'empty', 'blank', 'nil', 'null', 'true', 'false']);

/** Every customer has an id, so its fill count is the number of customers. */
export function customerCount(fields: readonly FieldInfo[]): number {
  return fields.find((field) => field.key === 'id' && field.kind === 'canonical')?.filled ?? 0;
}

export function buildCatalog(data: LanguageData): TokenCatalog {
  const total = customerCount(data.fields);
  const rate = (filled: number) => (total > 0 ? Math.min(1, filled / total) : null);
  const tokens: TokenInfo[] = data.fields.map((field) => ({
    name: field.key,
    aliases: field.alias !== field.key ? [field.alias] : [],
    kind: field.kind === 'custom' ? 'custom' : 'field',
    type: field.type,
    label: field.label,
    fillRate: rate(field.filled),
    filled: field.filled,
    samples: field.samples.length > 0 ? field.samples : field.sample ? [field.sample] : [],
    fallback: null,
    labels: [],
    note: field.kind === 'custom' ? 'Custom attribute' : 'Customer field',
  }));
  const byKey = new Map(tokens.map((token) => [token.name, token]));
  // `full_name` is derived from first and last name when no column holds it (customer-context.ts).
  const first = byKey.get('first_name');
  if (!byKey.has('full_name') && first) {
    tokens.push({ ...first, name: 'full_name', aliases: ['FullName'], label: 'Full name', note: 'First and last name' });
  }
  for (const token of appTokens()) if (!byKey.has(token.name)) tokens.push(token);
  const computed = data.computed;
  if (computed) {
    for (const score of computed.scores) {
      const name = score.shadowed ? `${COMPUTED_NAMESPACE}.${score.name}` : score.name;
      tokens.push({
        name,
        aliases: score.shadowed ? [] : [score.alias],
        kind: 'score',
        type: score.holds,
        label: score.description,
        fillRate: null,
        filled: null,
        samples: score.labels.slice(0, 3),
        fallback: null,
        labels: score.labels,
        note: score.asOf ? `Score computed as of ${score.asOf}` : 'Score not computed yet in this workspace',
      });
    }
  }
  const segmentsToken = computed?.segmentsShadowed ? `${COMPUTED_NAMESPACE}.${SEGMENTS_TOKEN}` : `customer.${SEGMENTS_TOKEN}`;
  if (computed) {
    tokens.push({
      name: segmentsToken,
      aliases: computed.segmentsShadowed ? [] : [SEGMENTS_TOKEN],
      kind: 'segments',
      type: 'list',
      label: 'Segments this customer is in',
      fillRate: null,
      filled: null,
      samples: computed.segments.slice(0, 3).map((segment) => segment.name),
      fallback: null,
      labels: [],
      note: `${computed.segments.length} segments in this workspace`,
    });
  }
  for (const entry of data.dictionary) {
    const target = byKey.get(entry.field) ?? tokens.find((token) => token.name === entry.field);
    if (byKey.has(entry.name)) continue;
    tokens.push({
      name: entry.name,
      aliases: [],
      kind: 'dictionary',
      type: entry.format,
      label: `${target?.label ?? entry.field} (dictionary)`,
      fillRate: target?.fillRate ?? null,
      filled: target?.filled ?? null,
      samples: target?.samples ?? [],
      fallback: entry.fallback,
      labels: [],
      note: `Reads ${entry.field}${entry.fallback !== null ? `, falls back to "${entry.fallback}"` : ''}`,
    });
  }
  return {
    tokens,
    segments: computed?.segments.map((segment) => segment.name) ?? [],
    segmentsToken,
    lists: data.fields.filter((field) => field.type === 'list').map((field) => field.key),
    loaded: data.fields.length > 0,
  };
}

/**
 * Tokens the app fills rather than the customer data: the A/B variant being
 * rendered, and the unsubscribe link each ESP writes as its own tag at export
 * (`NATIVE_OUTPUTS`). An imported field of the same name wins, as it does when
 * rendering.
 */
function appTokens(): TokenInfo[] {
  const token = (name: string, label: string, note: string): TokenInfo => ({
    name,
    aliases: [],
    kind: 'app',
    type: 'text',
    label,
    fillRate: null,
    filled: null,
    samples: [],
    fallback: null,
    labels: [],
    note,
  });
  return [
    token(VARIANT_TOKEN, 'The A/B variant being rendered', "Set for each A/B variant's preview and export ({% if variant == 'B' %})"),
    ...Object.keys(NATIVE_OUTPUTS).map((name) =>
      token(name, 'Filled by your ESP when it sends', "Export writes the ESP's own tag; previews show the fallback"),
    ),
  ];
}

/**
 * The token a variable path refers to: `first_name`, `FirstName`,
 * `customer.first_name` and `computed.rfm_tier` all name a token; the path's
 * further segments (`.size`, `[0]`) are the value's own.
 */
export function lookupToken(catalog: TokenCatalog, path: readonly (string | number)[]): TokenInfo | undefined {
  const [root, second] = path;
  if (typeof root !== 'string') return undefined;
  const index = indexOf(catalog);
  if ((root === 'customer' || root === COMPUTED_NAMESPACE) && typeof second === 'string') {
    return index.get(`${root}.${second}`) ?? index.get(second);
  }
  return index.get(root);
}

/** Names a template may start a variable with; anything else is an unknown token. */
export function isKnownRoot(catalog: TokenCatalog, root: string): boolean {
  return root === 'customer' || root === COMPUTED_NAMESPACE || BUILT_INS.has(root) || indexOf(catalog).has(root);
}

/** Every accepted spelling, canonical first: what "did you mean" chooses from. */
export function spellings(catalog: TokenCatalog): string[] {
  return [...catalog.tokens.map((token) => token.name), ...catalog.tokens.flatMap((token) => token.aliases)];
}

const indexes = new WeakMap<TokenCatalog, Map<string, TokenInfo>>();

function indexOf(catalog: TokenCatalog): Map<string, TokenInfo> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map();
    for (const token of catalog.tokens) {
      for (const spelling of [token.name, ...token.aliases]) if (!index.has(spelling)) index.set(spelling, token);
      // A score written `customer.rfm_tier` or `computed.rfm_tier` is the same token.
      if (token.kind === 'score' && !token.name.includes('.')) index.set(`${COMPUTED_NAMESPACE}.${token.name}`, token);
    }
    indexes.set(catalog, index);
  }
  return index;
}

/** "96% filled", "100% filled", "filled for 3 of 4,000" when under 1%. */
export function describeFill(token: Pick<TokenInfo, 'fillRate' | 'filled'>): string | null {
  if (token.fillRate === null) return null;
  const percent = token.fillRate * 100;
  if (percent > 0 && percent < 1) return '<1% filled';
  // Never round 99.6% up to 100%: "100%" promises no fallback is needed.
  const shown = percent < 100 ? Math.min(99, Math.round(percent)) : 100;
  return `${shown}% filled`;
}

/** "first_name — 96% filled; e.g. Ana, Li" */
export function tokenSummary(token: TokenInfo): string {
  const parts = [describeFill(token), token.samples.length > 0 ? `e.g. ${token.samples.join(', ')}` : null].filter(Boolean);
  return `${token.name} — ${parts.length > 0 ? parts.join('; ') : token.note}`;
}

/** The PascalCase alias the engine accepts for a canonical name. */
export const aliasOf = (name: string): string => toPascalAlias(name);
