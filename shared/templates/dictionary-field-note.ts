import type { TokenDictionaryEntry } from '../contract/token-schemas';

/**
 * A warning, not a refusal, for a dictionary row whose field the workspace
 * does not have (yet: a later import may bring it): what every preview will
 * show for the token, so a typo is caught before it reaches customers.
 * Paths (`customer.x`, `orders.first.total`) are not checked.
 */
export function unknownFieldNote(row: Pick<TokenDictionaryEntry, 'field' | 'fallback'>, known: readonly string[] | null): string | null {
  const field = row.field.trim();
  if (known === null || field === '' || field.includes('.') || known.includes(field)) return null;
  const shown = row.fallback === null ? 'nothing' : `the fallback "${row.fallback}"`;
  return `No field named "${field}" in this workspace: every customer gets ${shown}. Pick one from the list, or import it first.`;
}
