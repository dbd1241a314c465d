import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/contract';
import { importReportOf } from '../../shared/contract/schemas';
import { startHttpHost, TOKEN_HEADER, type HttpHost } from '../../electron/hosts/http-host';
import { createApp, type TailorApp } from '../../electron/services/app';
import { httpClient } from '../support/http-client';

/** The wizard's calls through the loopback HTTP host, as the browser makes them: upload, preview, import or discard. */
let app: TailorApp;
let host: HttpHost;
let http: Client;
let dir: string;

const CSV = iconv.encode('Courriel;Prénom;Code\r\nzoe@example.com;Zoé;7\r\n', 'windows-1252');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'tailor-wizard-http-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  app = createApp({ host: 'direct', nativeDialogs: false });
  await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor') });
  host = await startHttpHost({ dispatch: app.dispatch, uploads: app.uploads, port: 0 });
  http = httpClient(host);
});

afterAll(async () => {
  await host.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function upload(name: string): Promise<string> {
  const response = await fetch(`${host.origin}/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: host.token },
    body: new Uint8Array(CSV),
  });
  return ((await response.json()) as { data: { path: string } }).data.path;
}

describe('import wizard over HTTP', () => {
  it('previews an upload the same way as in-process, and imports it with the settings', async () => {
    const staged = await upload('clients.csv');
    const input = { path: staged, displayName: 'clients.csv' };
    const [viaHttp, direct] = await Promise.all([http.call('imports.preview', input), app.client.call('imports.preview', input)]);
    expect(viaHttp).toEqual(direct);
    expect(viaHttp).toMatchObject({ file: 'clients.csv', delimiter: ';', encoding: { encoding: 'windows-1252' } });

    const columns = (viaHttp.settings.columns ?? []).map((column) =>
      column.header === 'Code' ? { ...column, target: 'ignored' as const } : column,
    );
    const { jobId } = await http.call('imports.start', { ...input, settings: { ...viaHttp.settings, columns } });
    const job = await app.jobs.settle(jobId);
    expect(job.result).toMatchObject({ status: 'succeeded', rowsImported: 1 });
    expect(importReportOf(job)?.mapping.map((column) => column.header)).toEqual(['Courriel', 'Prénom']);
    // The upload is deleted once its import ends.
    expect(fs.existsSync(staged)).toBe(false);
  });

  it('discards an upload the user walked away from, and nothing that is not an upload', async () => {
    const staged = await upload('later.csv');
    expect(fs.existsSync(staged)).toBe(true);
    await http.call('imports.discardUpload', { path: staged });
    expect(fs.existsSync(staged)).toBe(false);

    const own = path.join(dir, 'mine.csv');
    fs.writeFileSync(own, CSV);
    await http.call('imports.discardUpload', { path: own });
    expect(fs.existsSync(own)).toBe(true);
  });
});
