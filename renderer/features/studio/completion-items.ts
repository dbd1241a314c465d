import type { ScoreToken } from '../../../shared/contract/token-schemas';
import { describeFill, type TokenCatalog, type TokenInfo } from './language/token-catalog';

/**
 * What the token autocomplete offers, as plain data: the Monaco provider
 * (liquid-completions.ts) only maps these onto its own item type, so what is
 * offered can be tested without an editor. Every token is offered once, under
 * its canonical snake_case name; its PascalCase alias still matches what is
 * typed (`filterText`) but is never what gets written.
 */
export interface TokenCompletion {
  label: string;
  kind: TokenInfo['kind'];
  /** Type, fill rate and samples: "text · 96% filled · e.g. Ana, Li". */
  detail: string;
  documentation: string;
  /** The token name; `wrap` in the provider adds the spaces and braces around it. */
  insertText: string;
  /** What typing is matched against: the name and its aliases. */
  filterText: string;
  sortText: string;
}

/** The token a score is written as: its own name, or `computed.<name>` when an imported field holds that name. */
export const scoreTokenName = (score: Pick<ScoreToken, 'name' | 'shadowed'>): string =>
  score.shadowed ? `computed.${score.name}` : score.name;

export function scoreStatus(score: Pick<ScoreToken, 'asOf'>): string {
  return score.asOf ? `computed as of ${score.asOf}` : 'not computed yet in this workspace';
}

/** "text · 96% filled · e.g. Ana, Li" */
export function tokenDetail(token: TokenInfo): string {
  const status = token.kind === 'score' ? token.note.replace(/^Score /, '') : describeFill(token);
  return [token.type, status, token.samples.length > 0 ? `e.g. ${token.samples.join(', ')}` : null].filter(Boolean).join(' · ');
}

export function tokenDocumentation(token: TokenInfo): string {
  const lines = [`**${token.name}** — ${token.label}`, token.note];
  if (token.filled !== null) lines.push(`Filled for ${token.filled.toLocaleString('en')} customers (${describeFill(token) ?? 'unknown'}).`);
  if (token.aliases.length > 0) lines.push(`Also accepted: ${token.aliases.join(', ')}`);
  if (token.labels.length > 0) lines.push(`Values: ${token.labels.join(', ')}`);
  return lines.join('\n\n');
}

const ORDER: Record<TokenInfo['kind'], string> = { dictionary: 'a', field: 'b', custom: 'b', score: 'c', segments: 'c', app: 'd' };

export function tokenCompletions(catalog: TokenCatalog): TokenCompletion[] {
  return catalog.tokens.map((token) => ({
    label: token.name,
    kind: token.kind,
    detail: tokenDetail(token),
    documentation: tokenDocumentation(token),
    insertText: token.name,
    filterText: [token.name, ...token.aliases].join(' '),
    sortText: `${ORDER[token.kind]}${token.name}`,
  }));
}
