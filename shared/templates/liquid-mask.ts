import { liquidEnd } from './protect-liquid';

/**
 * HTML tools (CSS inliners, minifiers) parse HTML properly, and a proper
 * parser moves stray text such as `{% if %}` between table rows out of the
 * table. Masking every Liquid construct first keeps it exactly where the
 * author put it: inside a tag as an inert word, elsewhere as a comment, which
 * parsers leave in place even inside tables.
 */
export interface MaskedHtml {
  html: string;
  restore(processed: string): string;
}

export function maskLiquid(html: string): MaskedHtml {
  const originals: string[] = [];
  let out = '';
  let inTag = false;
  let quote: string | null = null;
  let i = 0;
  while (i < html.length) {
    const ch = html[i] ?? '';
    if (ch === '{' && (html[i + 1] === '{' || html[i + 1] === '%')) {
      const end = liquidEnd(html, i);
      const n = originals.push(html.slice(i, end)) - 1;
      out += inTag ? `tlq${n}x` : `<!--tlq${n}x-->`;
      i = end;
      continue;
    }
    if (inTag) {
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') inTag = false;
    } else if (ch === '<' && /[a-zA-Z/]/.test(html[i + 1] ?? '')) {
      inTag = true;
    }
    out += ch;
    i++;
  }
  return {
    html: out,
    restore: (processed) =>
      processed.replace(/<!--tlq(\d+)x-->|tlq(\d+)x/g, (match, comment: string | undefined, word: string | undefined) => {
        const original = originals[Number(comment ?? word)];
        return original ?? match;
      }),
  };
}
