import { previewCsp } from '../security/csp';

/**
 * Prepare rendered email HTML for a sandboxed srcdoc iframe: a CSP meta tag
 * first in <head> (before anything that could load), and links opening in a
 * new browsing context, which the sandbox (no allow-popups) then refuses, so
 * a click in a preview never navigates it to a remote page.
 */
export function previewDocument(html: string, { allowRemote }: { allowRemote: boolean }): string {
  const head = `<meta http-equiv="Content-Security-Policy" content="${previewCsp(allowRemote)}"><base target="_blank">`;
  const headTag = /<head(\s[^>]*)?>/i.exec(html);
  if (headTag) {
    const at = headTag.index + headTag[0].length;
    return html.slice(0, at) + head + html.slice(at);
  }
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlTag) {
    const at = htmlTag.index + htmlTag[0].length;
    return `${html.slice(0, at)}<head>${head}</head>${html.slice(at)}`;
  }
  return `<!doctype html><html><head>${head}</head><body>${html}</body></html>`;
}
