import type { editor, IMarkdownString, languages, Position } from 'monaco-editor';
import { tokenDetail } from '../completion-items';
import { liquidContextAt } from '../liquid-completions';
import { filterDoc } from './liquid-filters';
import { lookupToken, tokenSummary, type TokenCatalog } from './token-catalog';

/** The dotted name under the cursor (`customer.first_name`), with its columns. */
function nameAt(model: editor.ITextModel, position: Position): { text: string; start: number; end: number } | null {
  const line = model.getLineContent(position.lineNumber);
  for (const match of line.matchAll(/[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*/g)) {
    const start = match.index + 1;
    const end = start + match[0].length;
    if (position.column >= start && position.column <= end) return { text: match[0], start, end };
  }
  return null;
}

/**
 * Hover inside Liquid: a token's type, fill rate and sample values
 * ("first_name — 96% filled; e.g. Ana, Li"), a filter's signature.
 */
export function provideLiquidHover(model: editor.ITextModel, position: Position, catalog: TokenCatalog): languages.Hover | null {
  const name = nameAt(model, position);
  if (!name) return null;
  const at = liquidContextAt(model, { lineNumber: position.lineNumber, column: name.start } as Position);
  if (!at.inside) return null;
  const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: name.start, endColumn: name.end };
  const filter = /\|\s*$/.test(at.typed) ? filterDoc(name.text) : undefined;
  if (filter) {
    const contents: IMarkdownString[] = [{ value: `**${filter.signature}** — ${filter.doc}` }];
    if (filter.params.length > 0) contents.push({ value: filter.params.map((p) => `- \`${p.label}\`: ${p.doc}`).join('\n') });
    return { range, contents };
  }
  const token = lookupToken(catalog, name.text.split('.'));
  if (!token) return null;
  const contents: IMarkdownString[] = [{ value: `**${tokenSummary(token)}**` }, { value: `${token.label} · ${tokenDetail(token)}` }];
  if (token.aliases.length > 0) contents.push({ value: `Written \`${token.name}\`; \`${token.aliases.join('`, `')}\` also works.` });
  return { range, contents };
}
