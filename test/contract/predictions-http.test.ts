import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { startHttpHost, type HttpHost } from '../../electron/hosts/http-host';
import { createApp, type TailorApp } from '../../electron/services/app';
import { DEMO_REFERENCE_DATE } from '../../electron/workspace/demo';
import { httpClient } from '../support/http-client';

/** predictions.start / predictions.latest through the loopback HTTP host answer as they do in process. */
let app: TailorApp;
let host: HttpHost;
let http: Client;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'tailor-predictions-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  app = createApp({ host: 'direct', nativeDialogs: false });
  await app.client.call('workspace.create', { path: path.join(dir, 'predictions.tailor'), demo: true });
  host = await startHttpHost({ dispatch: app.dispatch, uploads: app.uploads, port: 0 });
  http = httpClient(host);
});

afterAll(async () => {
  await host.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('predictions over HTTP', () => {
  it('is null before a run, then both hosts read the same stored run', async () => {
    expect(await http.call('predictions.latest', { model: 'propensity' })).toBeNull();
    const { jobId } = await http.call('predictions.start', { model: 'propensity', asOf: DEMO_REFERENCE_DATE, days: 60 });
    const job = await app.jobs.settle(jobId);
    expect(job.status, job.message ?? '').toBe('succeeded');
    const [viaHttp, direct] = await Promise.all([
      http.call('predictions.latest', { model: 'propensity' }),
      app.client.call('predictions.latest', { model: 'propensity' }),
    ]);
    expect(viaHttp).toEqual(direct);
    expect(viaHttp).toMatchObject({
      asOf: DEMO_REFERENCE_DATE,
      modelVersion: 'propensity-logit-1',
      summary: { model: 'propensity', days: 60 },
    });
  });

  it('refuses an unknown model or a bad window as invalid input', async () => {
    for (const input of [{ model: 'ltv' }, { model: 'churn', days: 0 }, { model: 'churn', asOf: '12/01/2026' }]) {
      const error = await http.call('predictions.start', input as never).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).code).toBe('invalid_input');
    }
  });
});
