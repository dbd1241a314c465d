import { type Liquid, type Token, Tokenizer, TypeGuards } from 'liquidjs';

export interface SourcePosition {
  line: number;
  column: number;
}

/** Finds where the author wrote a Liquid tag or output that failed in the compiled HTML. */
export type LocateInSource = (token: Token) => SourcePosition | null;

interface LiquidToken {
  key: string;
  begin: number;
  end: number;
  position: SourcePosition;
}

/** Whitespace inside a tag may be reflowed by MJML; the words are not. */
const keyOf = (text: string): string => text.replace(/\s+/g, ' ');

function liquidTokens(liquid: Liquid, text: string): LiquidToken[] {
  const tokens = new Tokenizer(text, liquid.options.operators).readTopLevelTokens(liquid.options);
  return tokens
    .filter((token) => TypeGuards.isTagToken(token) || TypeGuards.isOutputToken(token))
    .map((token) => {
      const [line = 0, column = 0] = token.getPosition();
      return { key: keyOf(token.getText()), begin: token.begin, end: token.end, position: { line, column } };
    });
}

/**
 * Liquid renders the HTML that MJML compiled, so a render error's position is
 * a line of that HTML, which the author never sees. MJML copies Liquid
 * through verbatim and in order, so the n-th occurrence of a tag's text in the
 * compiled HTML is the n-th occurrence in the source (or the last one, when
 * MJML copied it more often, as it does for css-class). Built lazily: only a
 * failing render pays for it.
 */
export function sourceLocator(liquid: Liquid, source: string, compiled: string): LocateInSource {
  let maps: { compiled: LiquidToken[]; source: Map<string, SourcePosition[]> } | null = null;
  const build = () => {
    const bySource = new Map<string, SourcePosition[]>();
    for (const token of liquidTokens(liquid, source)) bySource.set(token.key, [...(bySource.get(token.key) ?? []), token.position]);
    return { compiled: liquidTokens(liquid, compiled), source: bySource };
  };
  return (token) => {
    if (token.input !== compiled) return null;
    try {
      maps ??= build();
    } catch {
      return null;
    }
    const { compiled: tokens, source: positions } = maps;
    const failing = tokens.find((t) => t.begin <= token.begin && token.begin < t.end);
    if (!failing) return null;
    const candidates = positions.get(failing.key);
    if (!candidates?.length) return null;
    const occurrence = tokens.filter((t) => t.key === failing.key && t.begin < failing.begin).length;
    return candidates[Math.min(occurrence, candidates.length - 1)] ?? null;
  };
}
