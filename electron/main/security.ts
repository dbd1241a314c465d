import path from 'node:path';
import { APP_CSP_HEADER, PREVIEW_FRAME_PATH } from '../../shared/security/csp';

/**
 * Pure helpers behind the desktop shell's security decisions. Nothing here
 * imports Electron, so the rules can be unit-tested under plain Node.
 */

export const APP_SCHEME = 'tailor';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The studio's policy, the same one browser mode sends (shared/security/csp.ts):
 * preview iframes inherit it, so it must never allow a remote load.
 */
export const CONTENT_SECURITY_POLICY = APP_CSP_HEADER;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts and workers are refused by Chromium unless served with a JavaScript type, so the table must be right. */
export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for URLs of the bundled app itself (tailor://app/...). Node gives custom schemes an opaque origin, so compare the parts. */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** The normalized href if `raw` is an http(s) URL that may be handed to the system browser, else null. */
export function externalHttpUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 8192) return null;
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  return url.href;
}

/**
 * Maps a tailor://app/... request to a file inside `rootDir`, or null when the
 * request names anything outside it (encoded `..`, backslashes, drive letters,
 * NUL bytes) or is not for the app host. `/` serves index.html.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..' || /^[a-zA-Z]:/.test(segment))) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return resolved;
}

/** Headers every response from the app scheme carries. */
export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // Remote images in previews must not learn anything about the app.
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * Frame navigations the shell lets through: the app's own pages in the main
 * frame, and the initial about:srcdoc / about:blank load of preview iframes
 * or a published preview frame (remote images on).
 * Everything else (links clicked inside a preview, scripted redirects) is refused.
 */
export function isAllowedNavigation(targetUrl: string, isMainFrame: boolean): boolean {
  if (isMainFrame) return isAppUrl(targetUrl);
  return targetUrl === 'about:srcdoc' || targetUrl === 'about:blank' || isPreviewFrameUrl(targetUrl);
}

/** A preview with remote images on, served by the app protocol under its own CSP (electron/services/preview-frames.ts). */
export function isPreviewFrameUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    isAppUrl(raw) &&
    url.search === '' &&
    url.hash === '' &&
    new RegExp(`^${PREVIEW_FRAME_PATH}[\\w-]{16,64}$`).test(url.pathname)
  );
}

/** Drops Chromium switches and Electron's own app-path argument, leaving what the user passed. */
export function userArguments(argv: readonly string[], isPackaged: boolean): string[] {
  const plain = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  // Unpackaged, the first plain argument is the app folder given to `electron`.
  return isPackaged ? plain : plain.slice(1);
}

/** The workspace a launch asked for (its first plain argument), as an absolute path, if any. */
export function requestedWorkspace(argv: readonly string[], isPackaged: boolean, cwd: string): string | undefined {
  const candidate = userArguments(argv, isPackaged)[0];
  return candidate === undefined || candidate === '' ? undefined : path.resolve(cwd, candidate);
}
