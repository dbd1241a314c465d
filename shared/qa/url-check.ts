/**
 * Why a rendered link or image address is malformed, or null when it is fine.
 * Anchors (`#…`) are the lint's business, not a render problem; mailto: and
 * tel: links are addresses too. Everything else must be an absolute URL the
 * platform's parser accepts, with no raw whitespace (a token that printed a
 * name with a space into a query string) and a host for http(s).
 */
export function urlProblem(rendered: string): string | null {
  const value = rendered.trim();
  if (value === '') return 'empty after rendering';
  if (value.startsWith('#')) return null;
  if (/\s/.test(value)) return 'contains whitespace';
  if (/{{|}}|{%|%}/.test(value)) return 'contains Liquid that did not render';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(value) ? 'not a valid URL' : 'not an absolute URL';
  }
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') return url.pathname === '' ? 'no address' : null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `unexpected scheme ${url.protocol}`;
  if (url.hostname === '' || !/^[^.]+(\.[^.]+)*$/.test(url.hostname) || /\/\/\//.test(value)) return 'no host';
  return null;
}
