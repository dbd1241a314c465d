import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Starts a program without waiting for it; injectable so tests can see the exact argv. */
export type Launcher = (command: string, args: string[]) => void;

/** What `openBrowser` leaves behind until the server stops. */
export interface OpenedBrowser {
  /** The private redirect file handed to the browser. */
  file: string;
  /** Deletes the redirect file and its folder (idempotent). */
  dispose: () => void;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The redirect page: a meta refresh plus a link, as Jupyter writes it. */
export function redirectPage(url: string): string {
  const href = escapeHtml(url);
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${href}">
<title>Opening Tailor…</title>
</head>
<body>
<p>Opening Tailor… If nothing happens, <a href="${href}">open Tailor</a>.</p>
</body>
</html>
`;
}

/**
 * Writes a redirect to `url` into a fresh private folder (0700) as a file
 * only the user can read (0600). The URL carries the session token, and a
 * command line is readable by every local user (`ps`), so the browser is
 * given this file's path instead of the URL.
 */
export function writeRedirectFile(url: string, tmpDir: string = os.tmpdir()): OpenedBrowser {
  const dir = fs.mkdtempSync(path.join(tmpDir, 'tailor-open-'));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, 'open-tailor.html');
  fs.writeFileSync(file, redirectPage(url), { flag: 'wx', mode: 0o600 });
  let disposed = false;
  return {
    file,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The platform's "open this file with its default app" command for `file`. */
export function openCommand(file: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [file]];
  // `start` is a cmd builtin; the empty string is the window title it would otherwise take from the path.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '', file]];
  return ['xdg-open', [file]];
}

/**
 * Best effort: the platform's own launcher is spawned detached, and failures
 * are ignored on purpose: the URL is printed anyway, and a headless server
 * simply has no browser to open. (The `open` package is ESM only since v10.)
 */
const spawnDetached: Launcher = (command, args) => {
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Same reason as above: no launcher is not an error worth reporting.
  }
};

/**
 * Opens `url` (which holds the session token) in the system browser through
 * a private redirect file, so the token never appears on a command line.
 * Call `dispose` when the server stops.
 */
export function openBrowser(url: string, options: { launch?: Launcher; tmpDir?: string } = {}): OpenedBrowser {
  const opened = writeRedirectFile(url, options.tmpDir);
  const [command, args] = openCommand(opened.file);
  (options.launch ?? spawnDetached)(command, args);
  return opened;
}
