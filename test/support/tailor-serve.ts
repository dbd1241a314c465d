import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

/**
 * Start the built CLI's browser mode (`tailor serve`) on a fresh demo workspace under `home` and wait for
 * the URL it prints (with its session token). Used by the e2e fixtures and the browser benchmark.
 */
export async function startServer(home: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/node/electron/cli/main.js', 'serve', '--json'], {
    env: { ...process.env, TAILOR_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('tailor serve did not print its URL within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`tailor serve exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string };
        if (parsed.url) {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      } catch {
        // Not the JSON line; keep waiting.
      }
    });
  });
  return { url, child };
}
