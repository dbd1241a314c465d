/**
 * The studio's own Content-Security-Policy, sent by both hosts (and put in the
 * built index.html as a meta). Preview srcdoc iframes inherit it, so it is the
 * outer wall around every preview: it allows no remote images, fonts, styles,
 * frames or connections at all, whatever a template's markup does to the
 * preview's own policy. Remote images, when the user opts in, are shown in a
 * frame the host serves with its own header policy (see previewFrameCsp),
 * never by loosening this one.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco injects its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'none'",
  "worker-src 'self' blob:",
  // The page and the API share one origin in both hosts (the Vite dev server sends no CSP).
  "connect-src 'self'",
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

/**
 * Header policy of a preview frame served by the host (remote images on).
 * Such a frame is a network response, so it does not inherit APP_CSP: this is
 * its whole policy. `sandbox` keeps it an opaque origin even if its URL is
 * opened on its own, so it can never call the API as the studio.
 */
export const PREVIEW_FRAME_CSP = `${previewCsp(true)}; sandbox`;

/** Path prefix under which both hosts serve published preview frames. */
export const PREVIEW_FRAME_PATH = '/frames/';
