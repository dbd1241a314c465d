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

interface PositionMaps {
  compiled: LiquidToken[];
  source: Map<string, SourcePosition[]>;
}

/**
 * Liquid renders the HTML that MJML compiled, so a position there is a line
 * of that HTML, which the author never sees. MJML copies Liquid through
 * verbatim and in order, so the n-th occurrence of a tag's text in the
 * compiled HTML is the n-th occurrence in the source (or the last one, when
 * MJML copied it more often, as it does for css-class). Built lazily: only a
 * lookup pays for it; null when either text does not tokenize.
 */
function lazyMaps(liquid: Liquid, source: string, compiled: string): () => PositionMaps | null {
  let maps: PositionMaps | null | undefined;
  return () => {
    if (maps !== undefined) return maps;
    try {
      const bySource = new Map<string, SourcePosition[]>();
      for (const token of liquidTokens(liquid, source)) bySource.set(token.key, [...(bySource.get(token.key) ?? []), token.position]);
      maps = { compiled: liquidTokens(liquid, compiled), source: bySource };
    } catch {
      maps = null;
    }
    return maps;
  };
}

function inSource({ compiled: tokens, source: positions }: PositionMaps, found: LiquidToken): SourcePosition | null {
  const candidates = positions.get(found.key);
  if (!candidates?.length) return null;
  const occurrence = tokens.filter((t) => t.key === found.key && t.begin < found.begin).length;
  return candidates[Math.min(occurrence, candidates.length - 1)] ?? null;
}

/** Where the author wrote the Liquid tag or output a failing token of the compiled HTML belongs to. */
export function sourceLocator(liquid: Liquid, source: string, compiled: string): LocateInSource {
  const maps = lazyMaps(liquid, source, compiled);
  return (token) => {
    if (token.input !== compiled) return null;
    const built = maps();
    const found = built?.compiled.find((t) => t.begin <= token.begin && token.begin < t.end);
    return built && found ? inSource(built, found) : null;
  };
}

/**
 * The same, for a construct known only by its line in the compiled HTML and
 * its text (what an ESP export warning keeps): the author's line, or null when
 * the construct is not in the source as written (it came from a partial).
 */
export function sourceLineLocator(liquid: Liquid, source: string, compiled: string): (line: number, text: string) => number | null {
  const maps = lazyMaps(liquid, source, compiled);
  return (line, text) => {
    const built = maps();
    const key = keyOf(text);
    const found = built?.compiled.find((t) => t.position.line === line && t.key === key);
    return built && found ? (inSource(built, found)?.line ?? null) : null;
  };
}
