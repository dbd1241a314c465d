import { spawn } from 'node:child_process';

/**
 * Best effort: open `url` in the system browser. The `open` package is ESM
 * only since v10, so the platform's own launcher is spawned instead. Failures
 * are ignored on purpose: the URL is printed anyway, and a headless server
 * simply has no browser to open.
 */
export function openBrowser(url: string): void {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? // `start` is a cmd builtin; the empty string is the window title it would otherwise take from the URL.
          ['cmd', ['/c', 'start', '', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Same reason as above: no launcher is not an error worth reporting.
  }
}
