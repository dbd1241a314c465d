import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJsonContentType } from '../../electron/hosts/content-type';
import { startHttpHost, TOKEN_HEADER, type HttpHost } from '../../electron/hosts/http-host';
import { createApp, type TailorApp } from '../../electron/services/app';
import { safeUploadName, UploadStaging } from '../../electron/services/uploads';
import { APP_CSP_HEADER, PREVIEW_FRAME_CSP } from '../../shared/security/csp';

/** What the browser-mode host accepts: JSON content types, uploads (size, names, modes) and preview frames. */
let app: TailorApp;
let host: HttpHost;
let uploads: UploadStaging;
let dir: string;
const MAX_UPLOAD = 1000;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-host-input-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tailor</title>');
  app = createApp({ host: 'direct', nativeDialogs: false });
  uploads = new UploadStaging({ maxBytes: MAX_UPLOAD });
  host = await startHttpHost({ dispatch: app.dispatch, uploads, port: 0, staticDir });
});

afterAll(async () => {
  await host.close();
  uploads.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (contentType: string | undefined, pathname = '/api/app.info') =>
  fetch(`${host.origin}${pathname}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: host.token, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
    body: '{}',
  });

describe('the API content type', () => {
  const accepted = [
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset=UTF-8',
    'application/json; charset="utf-8"',
  ];
  const refused = [
    'application/json-evil',
    'application/jsonp',
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'application/json; charset=utf-8; evil=1',
    'application/json, text/plain',
    '',
  ];

  it('is exactly application/json, optionally with a UTF-8 charset', () => {
    for (const type of accepted) expect(isJsonContentType(type), type).toBe(true);
    for (const type of refused) expect(isJsonContentType(type), type).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });

  it('is enforced by the host', async () => {
    for (const type of accepted) expect((await call(type)).status, type).toBe(200);
    for (const type of [...refused, undefined]) expect((await call(type)).status, String(type)).toBe(415);
  });
});

describe('uploads', () => {
  const upload = (name: string, body: BodyInit, init: RequestInit = {}) =>
    fetch(`${host.origin}/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token },
      body,
      ...init,
    });

  it('gets a safe file name', () => {
    expect(safeUploadName('../../etc/passwd.csv')).toBe('passwd.csv');
    expect(safeUploadName('C:\\Users\\me\\Customers.csv')).toBe('Customers.csv');
    expect(safeUploadName('..')).toBe('upload.csv');
    expect(safeUploadName('')).toBe('upload.csv');
    expect(safeUploadName('.bashrc')).toBe('bashrc');
    expect(safeUploadName('a\0b\nc$(rm -rf ~)`x`.csv')).toBe('a_b_c_rm -rf _x_.csv');
    expect(safeUploadName('Zoë clients.csv')).toBe('Zoë clients.csv');
    const long = safeUploadName(`${'x'.repeat(300)}.csv`);
    expect(long).toHaveLength(100);
    expect(long.endsWith('.csv')).toBe(true);
  });

  it('are staged privately under their safe name', async () => {
    const response = await upload('../../../tmp/<evil>.csv', 'email\na@example.com\n');
    const body = (await response.json()) as { ok: boolean; data: { path: string; name: string } };
    expect(body.ok).toBe(true);
    expect(body.data.name).toBe('_evil_.csv');
    expect(path.basename(body.data.path)).toMatch(/^[0-9a-f-]{36}-_evil_\.csv$/);
    expect(fs.statSync(body.data.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(body.data.path)).mode & 0o777).toBe(0o700);
  });

  it('are refused past the size limit, declared or streamed, and leave no file behind', async () => {
    const before = fs.readdirSync(path.dirname(uploads.pathFor('probe.csv')));
    const declared = await upload('big.csv', 'x'.repeat(MAX_UPLOAD + 1));
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toContain('larger than the 1000 bytes');

    // No Content-Length: the limit is counted on the stream itself.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i += 1) controller.enqueue(new Uint8Array(400).fill(120));
        controller.close();
      },
    });
    const streamed = await upload('big.csv', chunks, { duplex: 'half' } as RequestInit).catch((error: unknown) => error);
    // The host may cut the connection once the limit is passed; either way nothing is kept.
    if (streamed instanceof Response) expect(streamed.status).toBe(413);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fs.readdirSync(path.dirname(uploads.pathFor('probe.csv')))).toEqual(before);

    const exact = await upload('ok.csv', 'x'.repeat(MAX_UPLOAD));
    expect(exact.status).toBe(200);
  });
});

describe('pages and preview frames', () => {
  it('serve the studio under the app CSP', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP_HEADER);
  });

  it('serve a published preview at an unguessable path under its own sandboxing CSP', async () => {
    const published = await call('application/json', '/frames');
    expect(published.status).toBe(400);
    const response = await fetch(`${host.origin}/frames`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
      body: JSON.stringify({ document: '<p>remote on</p>' }),
    });
    const { data } = (await response.json()) as { data: { url: string } };
    expect(data.url).toMatch(/^\/frames\/[\w-]{32}$/);
    const frame = await fetch(`${host.origin}${data.url}`);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toBe(PREVIEW_FRAME_CSP);
    expect(frame.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await frame.text()).toBe('<p>remote on</p>');
    expect((await fetch(`${host.origin}/frames/guess`)).status).toBe(404);
  });

  it('are published only with the session token', async () => {
    const response = await fetch(`${host.origin}/frames`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ document: '<p>x</p>' }),
    });
    expect(response.status).toBe(401);
  });
});
