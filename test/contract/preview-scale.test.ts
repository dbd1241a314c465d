import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type TailorApp } from '../../electron/services/app';
import { previewRefreshes, sixPersonaWorkspace } from '../support/scale-workspace';
import { tempDir } from '../support/temp';

/*
 * Issue 5's judgement as a regression test (the benchmark prints the same
 * ratio with more edits): personas resolve without counting segments, so a
 * refresh on a million customers costs about what it costs on the demo.
 * Runs in the timing pass (vitest.timing.config.mts), alone on the machine.
 */
const ROWS = 1_000_000;
const EDITS = 30;

const apps: TailorApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
});

describe('a preview refresh at scale', () => {
  it('costs at most 1.2x on 1,000,000 customers what it costs on the demo workspace', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const demo = createApp({ host: 'direct', nativeDialogs: false });
    const large = createApp({ host: 'direct', nativeDialogs: false });
    apps.push(demo, large);
    const demoSource = await sixPersonaWorkspace(demo, path.join(dir, 'demo.tailor'), 0);
    const largeSource = await sixPersonaWorkspace(large, path.join(dir, 'large.tailor'), ROWS);
    // Interleaved halves, so a noisy neighbour hits both sides alike.
    let reference = 0;
    let measured = 0;
    for (let half = 0; half < 2; half++) {
      reference += await previewRefreshes(demo, demoSource, EDITS / 2, `demo ${half}`);
      measured += await previewRefreshes(large, largeSource, EDITS / 2, `large ${half}`);
    }
    expect(measured / reference, `${measured.toFixed(0)} ms vs ${reference.toFixed(0)} ms`).toBeLessThanOrEqual(1.2);
  }, 120_000);
});
