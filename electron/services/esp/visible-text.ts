import { convert } from 'html-to-text';

/**
 * What a reader sees of an email, one line per block, whitespace collapsed:
 * the round-trip check compares this, so markup the ESP's editor or our CSS
 * inlining reshapes (attribute order, entities, line breaks) is no
 * difference, while every word a token, fallback or branch produced is.
 * Link targets and images are left out: they are not visible text.
 */
export function visibleLines(html: string): string[] {
  const text = convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'block' },
      { selector: 'tr', format: 'block' },
      { selector: 'td', format: 'block' },
    ],
  });
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}
