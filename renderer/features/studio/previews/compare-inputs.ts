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

/**
 * Compare mode's input for each persona: its token texts and the block
 * signatures of every other persona's email. Parsing is cached per email and
 * the same input object comes back while nothing changed, so the cards'
 * memoised preview documents are not rebuilt on unrelated renders.
 */
export function compareInputs(previews: readonly ShownPreview[]): Map<number, CompareInput> {
  const blocks = new Map<number, Set<string>>();
  for (const preview of previews) if (preview.html !== null) blocks.set(preview.personaId, blocksOf(preview.html, tokenTexts(preview)));
  const inputs = new Map<number, CompareInput>();
  for (const preview of previews) {
    if (preview.html === null) continue;
    const tokens = tokenTexts(preview);
    const others = [...blocks].filter(([id]) => id !== preview.personaId).map(([, set]) => set);
    const key = `${preview.personaId}|${JSON.stringify(tokens)}|${others.map(idOf).join(',')}`;
    let input = inputsCache.get(key);
    if (!input) {
      input = { tokens, others };
      inputsCache.set(key, input);
    }
    inputs.set(preview.personaId, input);
  }
  return inputs;
}
