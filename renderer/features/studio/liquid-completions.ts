import type { languages } from 'monaco-editor';
import type { FieldInfo } from '../../../shared/contract/schemas';
import type { ComputedTokenList } from '../../../shared/contract/token-schemas';
import { segmentConditionCompletion, tokenCompletions, type TokenCompletion } from './completion-items';
import type { Monaco } from './monaco-setup';

/** Filters worth suggesting first in email copy; the full LiquidJS set still works. */
const FILTERS: { name: string; detail: string; snippet: string }[] = [
  { name: 'default', detail: 'Fallback when the value is missing or empty', snippet: "default: '${1:there}'" },
  { name: 'capitalize', detail: 'First letter upper case', snippet: 'capitalize' },
  { name: 'upcase', detail: 'UPPER CASE', snippet: 'upcase' },
  { name: 'downcase', detail: 'lower case', snippet: 'downcase' },
  { name: 'date', detail: 'Format a date', snippet: "date: '${1:%B %-d, %Y}'" },
  { name: 'truncate', detail: 'Shorten to N characters', snippet: 'truncate: ${1:40}' },
  { name: 'url_encode', detail: 'Safe inside a link', snippet: 'url_encode' },
  { name: 'escape', detail: 'Escape HTML', snippet: 'escape' },
  { name: 'plus', detail: 'Add (also turns text into a number)', snippet: 'plus: ${1:0}' },
  { name: 'round', detail: 'Round a number', snippet: 'round: ${1:0}' },
];

let fields: FieldInfo[] = [];
let computed: ComputedTokenList | null = null;
let registered = false;

/** Called whenever the workspace's fields change; the provider reads the latest list. */
export function setCompletionFields(next: FieldInfo[]): void {
  fields = next;
}

/** Called whenever the workspace's scores or segments change (`tokens.computed`). */
export function setCompletionTokens(next: ComputedTokenList | null): void {
  computed = next;
}

/**
 * Token autocomplete inside `{{ … }}` and `{% … %}`: every field under its
 * snake_case name and its PascalCase alias, with its label and a sample value,
 * every score token with whether it is computed, `customer.segments`, and
 * filters after a `|`. At the start of a `{% %}` tag, a segment condition
 * snippet. Registered once per Monaco instance.
 */
export function registerLiquidCompletions(monaco: Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider('html', {
    triggerCharacters: ['{', ' ', '|', '.'],
    provideCompletionItems(model, position) {
      const before = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const after = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: position.column,
        endLineNumber: position.lineNumber,
        endColumn: position.column + 3,
      });
      const openOutput = before.lastIndexOf('{{');
      const openTag = before.lastIndexOf('{%');
      const open = Math.max(openOutput, openTag);
      const closed = Math.max(before.lastIndexOf('}}'), before.lastIndexOf('%}'));
      if (open === -1 || closed > open) return { suggestions: [] };

      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const inside = before.slice(open + 2);
      if (openOutput === open && /\|\s*[\w]*$/.test(inside)) {
        return {
          suggestions: FILTERS.map((filter, index) => ({
            label: filter.name,
            kind: monaco.languages.CompletionItemKind.Function,
            detail: filter.detail,
            insertText: filter.snippet,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            sortText: String(index).padStart(2, '0'),
            range,
          })),
        };
      }
      // Right after `{{` add the spaces and closing braces an author would type.
      const bare = /^\s*$/.test(inside.slice(0, word.startColumn - 1 - (open + 2)));
      const needsLead = openOutput === open && bare && !inside.startsWith(' ');
      const needsClose = openOutput === open && !/^\s*\}\}/.test(after);
      const closing = needsClose ? ' }}' : /^\}\}/.test(after) ? ' ' : '';
      const wrap = (name: string) => `${needsLead ? ' ' : ''}${name}${closing}`;
      const KIND = monaco.languages.CompletionItemKind;
      const kinds: Record<TokenCompletion['kind'], number> = {
        field: KIND.Field,
        alias: KIND.Variable,
        score: KIND.Value,
        segments: KIND.Field,
        snippet: KIND.Snippet,
      };
      const suggestions: languages.CompletionItem[] = tokenCompletions(fields, computed).map((item) => ({
        label: item.label,
        kind: kinds[item.kind],
        detail: item.detail,
        documentation: item.documentation,
        insertText: wrap(item.insertText),
        range,
        sortText: item.sortText,
      }));
      // At the start of a tag (`{%`, maybe a word), the whole tag can become a segment condition.
      const condition = openTag === open && /^\s*\w*$/.test(inside) ? segmentConditionCompletion(computed) : null;
      if (condition) {
        const typed = before.slice(open);
        const autoClosed = /^ ?%?\}/.exec(after)?.[0].length ?? 0;
        suggestions.unshift({
          label: condition.label,
          kind: kinds.snippet,
          detail: condition.detail,
          documentation: condition.documentation,
          insertText: condition.insertText,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          filterText: typed,
          range: { ...range, startColumn: open + 1, endColumn: position.column + autoClosed },
          sortText: condition.sortText,
        });
      }
      return { suggestions };
    },
  });
}
