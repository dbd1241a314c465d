/**
 * The studio's own Content-Security-Policy, sent by both hosts. Previews are
 * srcdoc iframes, which inherit this policy, so it must allow remote images
 * for the case where the user opts in; each preview then adds its own,
 * stricter policy (see previewCsp) that blocks them by default.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco injects its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' http://127.0.0.1:*",
  "frame-src 'self' about:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Directives only honoured in a response header, not in a <meta> tag. */
export const APP_CSP_HEADER = `${APP_CSP}; frame-ancestors 'none'`;

/** Policy inside a preview: no scripts, no network unless remote content is allowed. */
export function previewCsp(allowRemote: boolean): string {
  const remote = allowRemote ? ' https: http:' : '';
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'" + remote,
    `img-src data:${remote}`,
    `font-src data:${remote}`,
    "script-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}
