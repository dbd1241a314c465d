import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveSegment } from '../../electron/workspace/segments-repo';
import { blankCustomer, writeSegmentData } from '../support/segment-data';
import { cliWorkspace } from '../support/cli-workspace';

/**
 * `tailor segment shop.tailor VIP --members | head` closes the pipe after a
 * few lines. Node then reports EPIPE on the next write, and the CLI died with
 * an unhandled 'error' event and its stack trace. It now stops quietly with
 * exit code 0, as Unix tools do on a closed pipe.
 */
describe('the CLI writing into a pipe closed early', () => {
  it('stops quietly', async () => {
    const { dir, file } = await cliWorkspace((db) => {
      writeSegmentData(
        db,
        Array.from({ length: 1500 }, (_, n) =>
          blankCustomer(`C${n}`, { text: { email: `customer.${n}.${'x'.repeat(80)}@example.com`, first_name: 'Ana' } }),
        ),
        {},
      );
      saveSegment(db, { name: 'Everyone', rule: { kind: 'group', combinator: 'and', negate: false, children: [] } });
    });

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', 'segment', file, 'Everyone', '--members', '--limit', '1000'],
      {
        env: { ...process.env, TAILOR_HOME: path.join(dir, 'home') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first chunk, then close the pipe (the 1,000 lines fill more than a pipe's buffer).
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  }, 60_000);
});
