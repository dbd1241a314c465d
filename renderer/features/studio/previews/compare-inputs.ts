import { LRUCache } from 'lru-cache';
import { readPreview, type CompareInput, type TokenText } from '../../../../shared/templates/preview-document';
import type { ShownPreview } from '../use-previews';

/** The token values a persona's email shows (missing ones render their fallback, which is not known here). */
export const tokenTexts = (preview: ShownPreview): TokenText[] =>
  preview.tokens.flatMap((token) => (token.missing || token.value === null ? [] : [{ name: token.name, value: token.value }]));

const blocksCache = new LRUCache<string, Set<string>>({ max: 64 });

function blocksOf(html: string, tokens: readonly TokenText[]): Set<string> {
  const key = `${JSON.stringify(tokens)}\n${html}`;
  let blocks = blocksCache.get(key);
  if (!blocks) {
    blocks = readPreview(html, tokens).blocks;
    blocksCache.set(key, blocks);
  }
  return blocks;
}

const inputsCache = new LRUCache<string, CompareInput>({ max: 64 });
const setIds = new WeakMap<Set<string>, number>();
let nextSetId = 0;
const idOf = (set: Set<string>): number => {
  let id = setIds.get(set);
  if (id === undefined) setIds.set(set, (id = nextSetId++));
  return id;
};

/** One card of the pane: a persona's email, or under "All" one variant's email for the same persona. */
export interface PaneCard {
  key: string;
  preview: ShownPreview;
}

/**
 * Compare mode's input for each card: its token texts and the block
 * signatures of every other card's email (the other personas, or under "All"
 * the other variants). Parsing is cached per email and the same input object
 * comes back while nothing changed, so the cards' memoised preview documents
 * are not rebuilt on unrelated renders.
 */
export function compareInputs(cards: readonly PaneCard[]): Map<string, CompareInput> {
  const blocks = new Map<string, Set<string>>();
  for (const { key, preview } of cards) if (preview.html !== null) blocks.set(key, blocksOf(preview.html, tokenTexts(preview)));
  const inputs = new Map<string, CompareInput>();
  for (const { key, preview } of cards) {
    if (preview.html === null) continue;
    const tokens = tokenTexts(preview);
    const others = [...blocks].filter(([other]) => other !== key).map(([, set]) => set);
    const cacheKey = `${key}|${JSON.stringify(tokens)}|${others.map(idOf).join(',')}`;
    let input = inputsCache.get(cacheKey);
    if (!input) {
      input = { tokens, others };
      inputsCache.set(cacheKey, input);
    }
    inputs.set(key, input);
  }
  return inputs;
}
