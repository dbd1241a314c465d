import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cli } from '../support/cli-runner';

/**
 * `tailor audit shop.tailor | head` is how people skim a long report. When the reader stops early the pipe closes;
 * the CLI used to die on the write with an unhandled EPIPE and a Node stack trace on the terminal.
 */

const repoRoot = path.resolve(__dirname, '..', '..');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-pipe-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('stops quietly when the reader of its output closes the pipe', async () => {
  const workspace = path.join(dir, 'shop.tailor');
  const customers = path.join(dir, 'customers.csv');
  fs.writeFileSync(customers, ['id,email,spent', ...Array.from({ length: 50 }, (_, i) => `C${i},c${i}@example.com,${i * 10}`)].join('\n'));
  expect((await cli(['init', workspace])).code).toBe(0);
  expect((await cli(['import', workspace, '--customers', customers])).code).toBe(0);

  const child = spawn('npx', ['tsx', 'electron/cli/main.ts', 'audit', workspace], {
    cwd: repoRoot,
    env: { ...process.env, TAILOR_HOME: path.join(dir, 'home') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader is gone before the first line is written.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|Unhandled|node:internal/);
  expect(code).toBe(0);
}, 60_000);
