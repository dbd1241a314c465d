import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { test as base, type Page } from '@playwright/test';

export const SCREENSHOTS = path.resolve('test/output/screenshots');

interface Studio {
  /** The URL the CLI printed, with its session token. */
  url: string;
  /** Scratch folder for this test: workspace home, export targets. */
  dir: string;
  shot(page: Page, name: string): Promise<void>;
}

/** Start the built CLI's browser mode on a fresh demo workspace and wait for its URL. */
async function startServer(home: string): Promise<{ url: string; child: ChildProcess }> {
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

export const test = base.extend<{ studio: Studio }>({
  studio: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-e2e-'));
    const { url, child } = await startServer(path.join(dir, 'home'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await use({
      url,
      dir,
      shot: async (page, name) => {
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
      },
    });
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
