import { Tokenizer, TypeGuards } from 'liquidjs';
import type { TokenDictionaryEntry } from '../contract/token-schemas';
import { toPascalAlias } from '../fields/naming';
import type { LiquidContext } from './customer-context';

/**
 * The workspace's token dictionary as Liquid. Each entry is one Liquid
 * expression over its field (format filter, then `default` with the
 * fallback), so previews evaluate exactly what an export writes in place of
 * the token: one meaning, whether Tailor or an ESP renders it.
 */

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;
const FIELD_PATH = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/i;

const DEFAULT_PATTERNS = { date: '%B %-d, %Y', 'date-time': '%B %-d, %Y %H:%M' } as const;

/** Why an entry cannot become Liquid (names and fields go into expressions, so they are checked, not escaped), or null. */
export function dictionaryEntryProblem(entry: TokenDictionaryEntry): string | null {
  if (!IDENTIFIER.test(entry.name)) return `"${entry.name}" is not a token name: use letters, digits and "_" (e.g. member_since).`;
  if (!FIELD_PATH.test(entry.field)) return `"${entry.field}" is not a field name (token "${entry.name}").`;
  for (const [what, text] of [
    ['fallback', entry.fallback],
    ['format', entry.formatArg],
  ] as const) {
    if (text !== null && text.includes("'") && text.includes('"'))
      return `The ${what} of "${entry.name}" holds both ' and ": Liquid strings can hold one kind of quote only.`;
  }
  return null;
}

/** A Liquid string literal: Liquid has no escapes, so the quote is one the text does not contain. */
const literal = (text: string): string => (text.includes("'") ? `"${text}"` : `'${text}'`);

function formatFilter(entry: TokenDictionaryEntry): string {
  switch (entry.format) {
    case 'text':
      return '';
    case 'number':
      return entry.formatArg && /^\d+$/.test(entry.formatArg) ? ` | round: ${entry.formatArg}` : '';
    case 'money':
      return ` | money: ${literal(entry.formatArg || 'USD')}`;
    case 'date':
    case 'date-time':
      return ` | date: ${literal(entry.formatArg || DEFAULT_PATTERNS[entry.format])}`;
  }
}

/** The entry as a Liquid expression (what goes between `{{` and `}}`), e.g. `created_at | date: '%B %Y' | default: 'recently'`. */
export function dictionaryExpression(entry: TokenDictionaryEntry): string {
  const fallback = entry.fallback === null || entry.fallback === '' ? '' : ` | default: ${literal(entry.fallback)}`;
  return `${entry.field}${formatFilter(entry)}${fallback}`;
}

/** Evaluates one expression in a customer's context; the render worker passes its Liquid engine. */
export type EvaluateExpression = (expression: string, context: LiquidContext) => string;

/** Each dictionary token's formatted value (or fallback) for one customer; undefined when it renders empty. */
export function dictionaryValues(
  context: LiquidContext,
  entries: readonly TokenDictionaryEntry[],
  evaluate: EvaluateExpression,
): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const entry of entries) {
    if (dictionaryEntryProblem(entry)) continue;
    const text = evaluate(`{{ ${dictionaryExpression(entry)} }}`, context);
    values[entry.name] = text === '' ? undefined : text;
  }
  return values;
}

/**
 * The context with each dictionary token set to its value, under its name,
 * its PascalCase alias and `customer.`. A token that rendered empty stays
 * undefined, so a template's own `| default:` still applies. The dictionary
 * wins over a field of the same name: that is how a workspace gives
 * `first_name` a fallback everywhere.
 */
export function withDictionaryValues(context: LiquidContext, values: Readonly<Record<string, string | undefined>>): LiquidContext {
  const names = Object.keys(values);
  if (names.length === 0) return context;
  const top: LiquidContext = { ...context };
  const customer = context.customer;
  const flat = typeof customer === 'object' && !Array.isArray(customer) ? { ...customer } : {};
  for (const name of names) {
    for (const key of [name, toPascalAlias(name)]) {
      top[key] = values[name];
      flat[key] = values[name];
    }
  }
  return { ...top, customer: flat };
}

/** `{{ name }}` or `{{ name | filters }}`, optionally as `customer.name`: the head variable and the rest. */
const OUTPUT_HEAD = /^(\s*)(?:customer\.)?([A-Za-z_][A-Za-z0-9_]*)(\s*(?:\|[\s\S]*)?)$/;

/**
 * For export: every output of a dictionary token replaced by its expression,
 * so the exported Liquid reads real fields (`{{ member_since }}` becomes
 * `{{ created_at | date: '%B %Y' | default: 'recently' }}`) and needs no
 * dictionary where it is sent. Outputs are found by liquidjs' tokenizer, and
 * filters written after the token are kept after the expansion.
 */
export function expandDictionaryTokens(html: string, entries: readonly TokenDictionaryEntry[]): string {
  const byName = new Map<string, TokenDictionaryEntry>();
  for (const entry of entries) {
    if (dictionaryEntryProblem(entry)) continue;
    byName.set(entry.name, entry);
    byName.set(toPascalAlias(entry.name), entry);
  }
  if (byName.size === 0) return html;
  const outputs = new Tokenizer(html).readTopLevelTokens().filter(TypeGuards.isOutputToken);
  let result = '';
  let at = 0;
  for (const output of outputs) {
    const head = OUTPUT_HEAD.exec(output.content);
    const entry = head ? byName.get(head[2] ?? '') : undefined;
    if (!head || !entry) continue;
    const [start, end] = output.contentRange;
    result += html.slice(at, start) + `${head[1] ?? ''}${dictionaryExpression(entry)}${head[3] ?? ''}`;
    at = end;
  }
  return result + html.slice(at);
}
