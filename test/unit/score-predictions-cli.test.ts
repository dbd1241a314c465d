import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/services/app';
import { DEMO_REFERENCE_DATE } from '../../electron/workspace/demo';
import type { PredictionRun } from '../../shared/scores/prediction-report';
import { cli } from '../support/cli-runner';

/** `tailor score <ws> churn|propensity`: the predictions job from the command line, on one demo workspace. */
let dir: string;
let workspace: string;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-score-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  workspace = path.join(dir, 'shop.tailor');
  expect((await cli(['init', workspace, '--demo'])).code).toBe(0);
}, 120_000);

describe('tailor score (predictions)', () => {
  it('churn --json prints the fitted BG/NBD parameters and the as-of date', async () => {
    const result = await cli(['score', workspace, 'churn', '--as-of', DEMO_REFERENCE_DATE, '--days', '60', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout) as PredictionRun & { workspace: string };
    expect(run).toMatchObject({ workspace, model: 'churn', asOf: DEMO_REFERENCE_DATE, modelVersion: 'bgnbd-1', summary: { days: 60 } });
    if (run.summary.model !== 'churn') throw new Error('not a churn run');
    expect(run.summary.params.r).toBeGreaterThan(0);
  });

  it('propensity prints its holdout AUC, in JSON at the top and in the text summary', async () => {
    const json = await cli(['score', workspace, 'propensity', '--as-of', DEMO_REFERENCE_DATE, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const run = JSON.parse(json.stdout) as PredictionRun & { auc: number };
    expect(run.auc).toBeGreaterThan(0.5);
    expect(run.summary).toMatchObject({ model: 'propensity', auc: run.auc, days: 90 });

    const text = await cli(['score', workspace, 'propensity', '--as-of', DEMO_REFERENCE_DATE]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Holdout AUC ${run.auc.toFixed(3)}`);
    expect(text.stdout).toMatch(/Calibration on the holdout/);
  });

  it('refuses an unknown model, a bad date and a bad window as usage errors', async () => {
    const model = await cli(['score', workspace, 'ltv', '--json']);
    expect(model.code).toBe(2);
    expect(JSON.parse(model.stdout)).toMatchObject({ error: { code: 'usage' } });
    expect(model.stderr).toMatch(/churn, propensity/);
    expect((await cli(['score', workspace, 'churn', '--as-of', '2026-13-01'])).code).toBe(2);
    expect((await cli(['score', workspace, 'churn', '--days', '0'])).code).toBe(2);
  });

  it('Ctrl+C cancels and keeps the previous scores', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const result = await cli(['score', workspace, 'churn', '--as-of', '2026-01-01', '--json'], { interrupt: interrupt.signal });
    expect(result.code, result.stderr).toBe(130);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'cancelled' } });
    // The churn run of the first test (as of the demo date, 60 days) is still the stored one.
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.open', { path: workspace });
      expect(await app.client.call('predictions.latest', { model: 'churn' })).toMatchObject({
        asOf: DEMO_REFERENCE_DATE,
        summary: { days: 60 },
      });
    } finally {
      await app.close();
    }
  });
});
