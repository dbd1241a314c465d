import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * scripts/ensure-built.mjs decides whether `npm start` and `npm run tailor --
 * serve` build first. It is plain Node (it runs before anything is built), so
 * it is exercised in a child process against a scratch checkout.
 */
const script = path.resolve('scripts/ensure-built.mjs');
const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-ensure-built-'));
afterAll(() => fs.rmSync(checkout, { recursive: true, force: true }));

const reason = (): string =>
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(script)}); console.log(m.buildReason(process.argv[1]) ?? 'up to date');`,
      checkout,
    ],
    { encoding: 'utf8' },
  ).trim();

const write = (relative: string, when: Date): void => {
  const file = path.join(checkout, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
  fs.utimesSync(file, when, when);
};

describe('buildReason', () => {
  it('asks for a build after a fresh install, is satisfied by a finished build, and notices edits', () => {
    const past = new Date(Date.now() - 60_000);
    write('renderer/main.tsx', past);
    expect(reason()).toBe('dist/node/electron/main/main.js is missing');

    for (const output of ['dist/node/electron/main/main.js', 'dist/node/electron/cli/main.js', 'dist/preload/preload.cjs'])
      write(output, past);
    expect(reason()).toBe('dist/renderer/index.html is missing');
    write('dist/renderer/index.html', past);
    expect(reason()).toBe('there is no record of a finished build');

    write('dist/.build-stamp', new Date(Date.now() - 30_000));
    expect(reason()).toBe('up to date');
    write('shared/security/csp.ts', new Date());
    expect(reason()).toBe(`${path.join('shared', 'security', 'csp.ts')} changed since the last build`);
  });

  it('is what `npm run tailor` runs before `serve`', () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.tailor).toBe('node scripts/tailor.mjs');
    expect(fs.readFileSync('scripts/tailor.mjs', 'utf8')).toMatch(/command === 'serve'[\s\S]*ensureBuilt\(/);
  });
});
