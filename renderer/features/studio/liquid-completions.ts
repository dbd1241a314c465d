import type { editor, languages, Position } from 'monaco-editor';
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js';
import { tokenCompletions, type TokenCompletion } from './completion-items';
import { FILTERS } from './language/liquid-filters';
import { tagSnippets } from './language/tag-snippets';
import type { TokenCatalog } from './language/token-catalog';
/** The Monaco namespace, for its enums; a type import so tests can pass the real one. */
export type Monaco = typeof MonacoApi;

/** Where the cursor is in Liquid terms, read from the current line up to it. */
export interface LiquidContextAt {
  /** Inside `{{ … }}` or `{% … %}`, and which. */
  inside: 'output' | 'tag' | null;
  /** Offset (0-based, in the line) of the `{{` / `{%` that opened it. */
  open: number;
  /** The text between the opening braces and the cursor. */
  typed: string;
}

export function liquidContextAt(model: editor.ITextModel, position: Position): LiquidContextAt {
  const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
  const openOutput = before.lastIndexOf('{{');
  const openTag = before.lastIndexOf('{%');
  const open = Math.max(openOutput, openTag);
  const closed = Math.max(before.lastIndexOf('}}'), before.lastIndexOf('%}'));
  if (open === -1 || closed > open) return { inside: null, open: -1, typed: '' };
  return { inside: open === openOutput ? 'output' : 'tag', open, typed: before.slice(open + 2) };
}

/**
 * Completions inside `{{ … }}` and `{% … %}`: tokens (type, fill rate, samples)
 * under their canonical name, filters after a `|`, and at the start of a tag
 * the tag snippets. Pure over a model and the catalogue, so the tests run it
 * on real Monaco models.
 */
export function provideLiquidCompletions(
  monaco: Monaco,
  model: editor.ITextModel,
  position: Position,
  catalog: TokenCatalog,
): languages.CompletionList {
  const at = liquidContextAt(model, position);
  if (!at.inside) return { suggestions: [] };
  const word = model.getWordUntilPosition(position);
  const range = {
    startLineNumber: position.lineNumber,
    endLineNumber: position.lineNumber,
    startColumn: word.startColumn,
    endColumn: word.endColumn,
  };
  const KIND = monaco.languages.CompletionItemKind;
  const SNIPPET = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
  // Words may hold a `.`: `customer.fi` completes as one token.
  const dotted = /[\w.]*$/.exec(at.typed)?.[0] ?? '';
  const tokenRange = { ...range, startColumn: position.column - dotted.length };

  if (/\|\s*[\w]*$/.test(at.typed)) {
    return {
      suggestions: FILTERS.map((filter, index) => ({
        label: { label: filter.name, description: filter.signature },
        kind: KIND.Function,
        detail: filter.signature,
        documentation: filter.doc,
        insertText: filter.snippet,
        insertTextRules: SNIPPET,
        sortText: String(index).padStart(2, '0'),
        range,
      })),
    };
  }
  const after = model.getLineContent(position.lineNumber).slice(position.column - 1);
  const kinds: Record<TokenCompletion['kind'], number> = {
    field: KIND.Field,
    custom: KIND.Field,
    dictionary: KIND.Constant,
    score: KIND.Value,
    segments: KIND.Field,
    app: KIND.Constant,
  };
  // Right after `{{` add the spaces and closing braces an author would type.
  const needsLead = at.inside === 'output' && !at.typed.startsWith(' ') && /^\w*$/.test(at.typed);
  const needsClose = at.inside === 'output' && !/^\s*\}\}/.test(after) && /^[\s\w.]*$/.test(at.typed);
  const closing = needsClose ? ' }}' : at.inside === 'output' && /^\}\}/.test(after) ? ' ' : '';
  const suggestions: languages.CompletionItem[] = tokenCompletions(catalog).map((item) => ({
    label: { label: item.label, description: item.detail },
    kind: kinds[item.kind],
    detail: item.detail,
    documentation: { value: item.documentation },
    insertText: `${needsLead ? ' ' : ''}${item.insertText}${closing}`,
    filterText: item.filterText,
    range: tokenRange,
    sortText: item.sortText,
  }));
  // At the start of a tag (`{%`, maybe a word), the whole tag can become a snippet.
  if (at.inside === 'tag' && /^\s*\w*$/.test(at.typed)) {
    const autoClosed = /^ ?%?\}/.exec(after)?.[0].length ?? 0;
    const typed = model.getLineContent(position.lineNumber).slice(at.open, position.column - 1);
    tagSnippets(catalog).forEach((snippet, index) => {
      suggestions.unshift({
        label: snippet.label,
        kind: KIND.Snippet,
        detail: snippet.detail,
        insertText: snippet.body,
        insertTextRules: SNIPPET,
        filterText: typed,
        range: { ...range, startColumn: at.open + 1, endColumn: position.column + autoClosed },
        sortText: `0${index}`,
      });
    });
  }
  return { suggestions };
}

/** Registered once per Monaco instance; reads the latest catalogue on each request. */
export function registerLiquidCompletions(monaco: Monaco, catalog: () => TokenCatalog): void {
  monaco.languages.registerCompletionItemProvider('html', {
    triggerCharacters: ['{', ' ', '|', '.', '%'],
    provideCompletionItems: (model, position) => provideLiquidCompletions(monaco, model, position, catalog()),
  });
}
