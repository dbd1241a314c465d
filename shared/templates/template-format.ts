/**
 * A template is MJML or raw HTML, and its text says which: MJML has an
 * `<mjml>` root, anything else is HTML rendered as written. Deciding from the
 * text (rather than a stored flag) means a pasted email, an imported file and
 * the CLI's `--source` all agree with the editor without a second place to
 * keep in step. The one trap, MJML whose root was deleted, is caught by
 * `strayMjmlTag`: HTML must not contain mj- elements.
 */
export type TemplateFormat = 'mjml' | 'html';

export const templateFormat = (source: string): TemplateFormat => (/<mjml[\s>]/i.test(source) ? 'mjml' : 'html');

/** The first `<mj-…>` tag in an HTML template, with its 1-based line, or null. */
export function strayMjmlTag(source: string): { tag: string; line: number } | null {
  const match = /<(mj-[a-z-]+)[\s>/]/i.exec(source);
  if (!match) return null;
  const line = source.slice(0, match.index).split('\n').length;
  return { tag: match[1]!.toLowerCase(), line };
}
