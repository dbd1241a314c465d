/**
 * MJML keeps Liquid that sits in text, in attribute values and in mj-raw, but
 * silently drops anything placed directly between sections or components,
 * including `{% if %}` / `{% for %}` wrapped around whole mj-sections. Authors
 * should not have to know that, so before compiling we wrap every Liquid
 * construct found at that structural level in `<mj-raw>`, which MJML copies
 * through untouched. Newlines are never added or removed, so MJML's line
 * numbers still point into the author's source.
 */

/** Elements whose content MJML passes through as HTML: Liquid inside them is already safe. */
const CONTENT_ELEMENTS = new Set([
  'mj-text',
  'mj-button',
  'mj-raw',
  'mj-table',
  'mj-navbar-link',
  'mj-accordion-title',
  'mj-accordion-text',
  'mj-social-element',
  'mj-title',
  'mj-preview',
  'mj-style',
  'mj-font',
]);

/** Index just past the end of a tag starting at `start` (a `<`), skipping quoted values and Liquid. */
export function tagEnd(source: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' && (source[i + 1] === '{' || source[i + 1] === '%')) i = liquidEnd(source, i) - 1;
    else if (ch === '>') return i + 1;
  }
  return source.length;
}

/** Index just past a Liquid construct starting at `start` (`{{` or `{%`); the end of input if unclosed. */
export function liquidEnd(source: string, start: number): number {
  const closer = source[start + 1] === '%' ? '%}' : '}}';
  const end = source.indexOf(closer, start + 2);
  return end === -1 ? source.length : end + 2;
}

/** `{% raw %}` … `{% endraw %}` and `{% comment %}` … `{% endcomment %}` must stay one piece. */
function liquidBlockEnd(source: string, start: number): number {
  const end = liquidEnd(source, start);
  const tag = /^\{%-?\s*(raw|comment)\b/.exec(source.slice(start, end));
  if (!tag) return end;
  const closing = new RegExp(`\\{%-?\\s*end${tag[1]}\\s*-?%\\}`, 'g');
  closing.lastIndex = end;
  const match = closing.exec(source);
  return match ? match.index + match[0].length : source.length;
}

const tagName = (tag: string): string => /^<\/?\s*([a-zA-Z0-9-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';

export function protectLiquid(source: string): string {
  let out = '';
  let i = 0;
  let inBody = false;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      const stop = end === -1 ? source.length : end + 3;
      out += source.slice(i, stop);
      i = stop;
      continue;
    }
    const ch = source[i];
    if (ch === '<' && /[a-zA-Z/]/.test(source[i + 1] ?? '')) {
      const end = tagEnd(source, i);
      const tag = source.slice(i, end);
      const name = tagName(tag);
      const closing = tag.startsWith('</');
      const selfClosing = tag.endsWith('/>');
      out += tag;
      i = end;
      if (name === 'mj-body') inBody = !closing && !selfClosing;
      if (!closing && !selfClosing && CONTENT_ELEMENTS.has(name)) {
        // Copy the element's content verbatim up to its closing tag.
        const close = new RegExp(`</\\s*${name}\\s*>`, 'ig');
        close.lastIndex = i;
        const match = close.exec(source);
        const stop = match ? match.index : source.length;
        out += source.slice(i, stop);
        i = stop;
      }
      continue;
    }
    if (inBody && ch === '{' && (source[i + 1] === '%' || source[i + 1] === '{')) {
      const end = liquidBlockEnd(source, i);
      out += `<mj-raw>${source.slice(i, end)}</mj-raw>`;
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
