import { buildCatalog, type LanguageData, type TokenCatalog } from './token-catalog';

/**
 * The workspace's tokens as the language services see them now. The studio
 * sets them when fields, scores, segments or the dictionary change; the
 * providers read the latest catalogue on each request and the diagnostics
 * client forwards the data to its worker.
 */
let data: LanguageData = { fields: [], computed: null, dictionary: [] };
let catalog: TokenCatalog = buildCatalog(data);
const listeners = new Set<(data: LanguageData) => void>();

export function setLanguageData(next: LanguageData): void {
  data = next;
  catalog = buildCatalog(next);
  for (const listener of listeners) listener(next);
}

export const currentCatalog = (): TokenCatalog => catalog;
export const currentLanguageData = (): LanguageData => data;

export function onLanguageData(listener: (data: LanguageData) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
