import { tagEnd } from './protect-liquid';

/**
 * MJML copies an element's `css-class` into more than one place and rewrites
 * some copies: a section's or column's Outlook table cell gets every word
 * suffixed (`a b` → `a-outlook b-outlook`), so Liquid written there came out
 * as `{%-outlook if-outlook …` and failed. Before MJML each css-class holding
 * Liquid is replaced by one placeholder class; after MJML each copy of the
 * placeholder gets the Liquid back, and a suffixed copy gets Liquid that adds
 * the suffix to every class the original renders, as MJML would have done to
 * a plain class list. Only standard Liquid is used, so exports still work in
 * an ESP.
 */
export interface ProtectedClasses {
  source: string;
  restore(html: string): string;
}

const PLACEHOLDER = 'tailorcls';
const PLACEHOLDER_USE = new RegExp(`${PLACEHOLDER}(\\d+)x(?:-([A-Za-z0-9_-]+))?`, 'g');
const hasLiquid = (text: string): boolean => /\{\{|\{%/.test(text);

interface Attribute {
  name: string;
  /** Offsets of the value inside the tag, quotes excluded. */
  start: number;
  end: number;
  quote: string;
}

/** The attributes of one tag (`<mj-section a="1" b='{{ x }}'>`), with the offsets of their values. */
export function tagAttributes(tag: string): Attribute[] {
  const attributes: Attribute[] = [];
  const pattern = /\s+([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/gy;
  pattern.lastIndex = /^<\/?\s*[^\s/>]+/.exec(tag)?.[0].length ?? 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(tag))) {
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    const quote = match[2] !== undefined ? '"' : match[3] !== undefined ? "'" : '';
    const end = match.index + match[0].length - quote.length;
    attributes.push({ name: (match[1] ?? '').toLowerCase(), start: end - value.length, end, quote });
  }
  return attributes;
}

/** What a suffixed copy of the placeholder becomes: the original's classes, each with `-suffix`. */
export function suffixedClassLiquid(original: string, suffix: string): string {
  return (
    `{% capture tailor_class %}${original}{% endcapture %}{% assign tailor_class = tailor_class | strip %}` +
    `{% if tailor_class != '' %}{{ tailor_class | split: ' ' | join: '-${suffix} ' }}-${suffix}{% endif %}`
  );
}

export function protectClassLiquid(source: string): ProtectedClasses {
  const originals: string[] = [];
  let out = '';
  let copied = 0;
  const tags = /<!--|<mj-[a-zA-Z-]+/g;
  let match: RegExpExecArray | null;
  while ((match = tags.exec(source))) {
    if (match[0] === '<!--') {
      const end = source.indexOf('-->', match.index + 4);
      tags.lastIndex = end === -1 ? source.length : end + 3;
      continue;
    }
    const tagStart = match.index;
    const tag = source.slice(tagStart, tagEnd(source, tagStart));
    tags.lastIndex = tagStart + tag.length;
    const attribute = tagAttributes(tag).find((a) => a.name === 'css-class');
    if (!attribute?.quote) continue;
    const value = tag.slice(attribute.start, attribute.end);
    if (!hasLiquid(value)) continue;
    const n = originals.push(value) - 1;
    // Newlines move outside the attribute, so MJML's line numbers still match the source.
    const newlines = value.replace(/[^\n]/g, '');
    out += source.slice(copied, tagStart + attribute.start) + `${PLACEHOLDER}${n}x` + attribute.quote + newlines;
    copied = tagStart + attribute.end + 1;
  }
  out += source.slice(copied);
  return {
    source: out,
    restore: (html) =>
      originals.length === 0
        ? html
        : html.replace(PLACEHOLDER_USE, (placeholder, n: string, suffix: string | undefined) => {
            const original = originals[Number(n)];
            if (original === undefined) return placeholder;
            return suffix ? suffixedClassLiquid(original, suffix) : original;
          }),
  };
}
