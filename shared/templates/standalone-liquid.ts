import type { TokenDictionaryEntry } from '../contract/token-schemas';
import { inlinePartials } from './inline-partials';
import { expandDictionaryTokens } from './token-dictionary';

/**
 * The compiled Liquid as it leaves the workspace (plain export, ESP export):
 * partials inlined and dictionary tokens written out as their fields, so it
 * stands alone where the workspace's partials and dictionary do not exist.
 * `kept` says which partial tags stayed as written, and why.
 */
export function standaloneLiquid(
  html: string,
  partials: Readonly<Record<string, string>>,
  dictionary: readonly TokenDictionaryEntry[],
): { html: string; kept: string[] } {
  const inlined = inlinePartials(html, partials);
  return { html: expandDictionaryTokens(inlined.html, dictionary), kept: inlined.kept };
}
