import { bodyOf, createElement, setAttribute, tree, type Element, type Node, type TextNode } from './dom';
import type { DefaultTreeAdapterTypes } from 'parse5';

/** A token value as rendered for one persona. */
export interface TokenText {
  name: string;
  value: string;
}

/** What compare mode needs to mark one persona's email. */
export interface CompareInput {
  tokens: readonly TokenText[];
  /** The block signatures (blockSignatures) of every other persona's email. */
  others: readonly ReadonlySet<string>[];
}

/** Elements that start a new line: the units compare mode says are present in one email and not another. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const SKIP = new Set(['style', 'script', 'title', 'head', 'template', 'noscript']);

/** Token values worth looking for: short values ("1", "a") would match everywhere. */
const searchable = (tokens: readonly TokenText[]): TokenText[] =>
  tokens.filter((token) => token.value.trim().length >= 2).sort((a, b) => b.value.length - a.value.length);

const WORD = /[\p{L}\p{N}]/u;

/** Occurrences of token values in `text` that stand as whole words, longest value first, never overlapping. */
function tokenMatches(text: string, tokens: readonly TokenText[]): { start: number; end: number; name: string }[] {
  const taken: { start: number; end: number; name: string }[] = [];
  for (const token of tokens) {
    const value = token.value.trim();
    for (let from = text.indexOf(value); from !== -1; from = text.indexOf(value, from + 1)) {
      const end = from + value.length;
      const bounded = !WORD.test(text[from - 1] ?? '') && !WORD.test(text[end] ?? '');
      if (bounded && !taken.some((m) => from < m.end && end > m.start)) taken.push({ start: from, end, name: token.name });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Text a block shows itself (not its nested blocks), whitespace collapsed. */
function ownText(block: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (tree.isTextNode(node)) parts.push(node.value);
    else if (tree.isElementNode(node) && !SKIP.has(node.tagName) && !BLOCKS.has(node.tagName)) node.childNodes.forEach(walk);
  };
  block.childNodes.forEach(walk);
  return parts
    .join('')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** The blocks with text of their own, in document order. */
function textBlocks(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (element: Element) => {
    if (SKIP.has(element.tagName)) return;
    if (BLOCKS.has(element.tagName) && ownText(element) !== '') found.push(element);
    for (const child of element.childNodes) if (tree.isElementNode(child)) walk(child);
  };
  walk(root);
  return found;
}

/**
 * A block's text with this persona's token values masked, so the same block
 * for two customers has the same signature and a block only one of them gets
 * (a conditional section, a loop item) has its own.
 */
function signature(text: string, tokens: readonly TokenText[]): string {
  let masked = '';
  let at = 0;
  for (const match of tokenMatches(text, tokens)) {
    masked += `${text.slice(at, match.start)}{{${match.name}}}`;
    at = match.end;
  }
  return masked + text.slice(at);
}

export function blockSignatures(document: DefaultTreeAdapterTypes.Document, tokens: readonly TokenText[]): Set<string> {
  const body = bodyOf(document);
  if (!body) return new Set();
  const usable = searchable(tokens);
  return new Set(textBlocks(body).map((block) => signature(ownText(block), usable)));
}

function markTokens(block: Element, tokens: readonly TokenText[]): void {
  const texts: TextNode[] = [];
  const walk = (node: Node) => {
    if (tree.isTextNode(node)) texts.push(node);
    else if (tree.isElementNode(node) && !SKIP.has(node.tagName) && !BLOCKS.has(node.tagName)) node.childNodes.forEach(walk);
  };
  block.childNodes.forEach(walk);
  for (const text of texts) {
    const matches = tokenMatches(text.value, tokens);
    if (matches.length === 0) continue;
    const parent = text.parentNode!;
    let at = 0;
    for (const match of matches) {
      if (match.start > at) tree.insertTextBefore(parent, text.value.slice(at, match.start), text);
      const mark = createElement('mark', { 'data-tailor-token': match.name, title: `From {{ ${match.name} }}` });
      tree.insertText(mark, text.value.slice(match.start, match.end));
      tree.insertBefore(parent, mark, text);
      at = match.end;
    }
    if (at < text.value.length) tree.insertTextBefore(parent, text.value.slice(at), text);
    tree.detachNode(text);
  }
}

/** Numbers compare mode shows for one persona. */
export interface CompareSummary {
  /** Blocks this email has that some other persona's does not. */
  onlyHere: number;
  /** Blocks some other persona's email has that this one does not. */
  missingHere: number;
  /** Pieces of text that came from tokens. */
  tokenTexts: number;
}

/**
 * Marks, in place, what differs between this persona's email and the others':
 * text that came from tokens (<mark data-tailor-token>) and blocks that not
 * every other persona's email has (data-tailor-diff). The preview's style
 * sheet (appearance.ts) makes both visible.
 */
export function markDifferences(document: DefaultTreeAdapterTypes.Document, input: CompareInput): CompareSummary {
  const body = bodyOf(document);
  const summary: CompareSummary = { onlyHere: 0, missingHere: 0, tokenTexts: 0 };
  if (!body) return summary;
  const tokens = searchable(input.tokens);
  const own = new Set<string>();
  for (const block of textBlocks(body)) {
    const text = ownText(block);
    const key = signature(text, tokens);
    own.add(key);
    if (input.others.some((other) => !other.has(key))) {
      setAttribute(block, 'data-tailor-diff', 'block');
      summary.onlyHere += 1;
    }
    summary.tokenTexts += tokenMatches(text, tokens).length;
    markTokens(block, tokens);
  }
  const missing = new Set<string>();
  for (const other of input.others) for (const key of other) if (!own.has(key)) missing.add(key);
  summary.missingHere = missing.size;
  return summary;
}
