import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHttpHost } from '../../electron/hosts/http-host';
import { createApp } from '../../electron/services/app';
import { httpClient } from '../support/http-client';
import { tempDir } from '../support/temp';

describe('RFM through the HTTP host', () => {
  it('runs on the demo workspace, and both paths read the same settings and summary', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    await app.client.call('workspace.create', { path: path.join(dir, 'demo.tailor'), demo: true });
    const host = await startHttpHost({ dispatch: app.dispatch, uploads: app.uploads, port: 0 });
    try {
      const http = httpClient(host);
      expect(await http.call('scores.rfm.summary', {})).toBeNull();
      const { jobId } = await http.call('scores.rfm.run', { asOf: '2026-11-01' });
      const job = await app.jobs.settle(jobId);
      expect(job.status, job.message ?? '').toBe('succeeded');
      const [viaHttp, direct] = await Promise.all([http.call('scores.rfm.summary', {}), app.client.call('scores.rfm.summary', {})]);
      expect(viaHttp).toEqual(direct);
      expect(direct?.summary.customers).toBeGreaterThan(1000);
      expect(direct?.summary.tiers.reduce((sum, row) => sum + row.customers, 0)).toBe(direct?.summary.customers);
      expect(await http.call('scores.rfm.settings.get', {})).toEqual(await app.client.call('scores.rfm.settings.get', {}));
      await expect(http.call('scores.rfm.run', { asOf: '01/11/2026' })).rejects.toThrow(/yyyy-mm-dd/);
    } finally {
      await host.close();
      await app.close();
    }
  });
});
