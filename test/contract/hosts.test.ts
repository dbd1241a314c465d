import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { startHttpHost, TOKEN_HEADER, type HttpHost } from '../../electron/hosts/http-host';
import { createApp, type TailorApp } from '../../electron/services/app';
import { httpClient } from '../support/http-client';

/**
 * The same calls through the loopback HTTP host and in-process must give the
 * same answers: both go through one dispatcher, and this keeps it that way.
 */
let app: TailorApp;
let host: HttpHost;
let http: Client;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'tailor-contract-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  app = createApp({ host: 'direct', nativeDialogs: false });
  await app.client.call('workspace.create', { path: path.join(dir, 'contract.tailor'), demo: true });
  host = await startHttpHost({ dispatch: app.dispatch, uploads: app.uploads, port: 0 });
  http = httpClient(host);
});

afterAll(async () => {
  await host.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (pathname: string, init: RequestInit = {}) => fetch(`${host.origin}${pathname}`, { method: 'POST', ...init });

describe('HTTP host and direct calls agree', () => {
  it.each([
    ['workspace.current', {}],
    ['templates.list', {}],
    ['templates.starters', {}],
    ['segments.list', {}],
    ['personas.list', {}],
    ['customers.fields', {}],
    ['customers.list', { limit: 5, search: 'a' }],
    ['customers.get', { idOrEmail: 'C10001' }],
  ] as const)('%s', async (method, input) => {
    const [viaHttp, direct] = await Promise.all([http.call(method, input), app.client.call(method, input)]);
    expect(viaHttp).toEqual(direct);
  });

  it('lists the members of an unsaved rule', async () => {
    const input = {
      limit: 3,
      rule: { match: 'all' as const, conditions: [{ field: 'loyalty_tier', op: 'equals' as const, value: 'gold' }] },
    };
    const [viaHttp, direct] = await Promise.all([http.call('customers.list', input), app.client.call('customers.list', input)]);
    expect(viaHttp).toEqual(direct);
    expect(direct.total).toBeGreaterThan(0);
    expect(direct.rows.every((row) => row.attributes.loyalty_tier === 'Gold')).toBe(true);
  });

  it('renders the same persona previews', async () => {
    const [template] = await app.client.call('templates.list', {});
    const { source } = await app.client.call('templates.get', { id: template!.id });
    const [viaHttp, direct] = await Promise.all([http.call('preview.render', { source }), app.client.call('preview.render', { source })]);
    expect(viaHttp.previews).toEqual(direct.previews);
    expect(viaHttp.diagnostics).toEqual(direct.diagnostics);
    expect(new Set(direct.previews.map((p) => p.customer?.displayName.split(' ')[0])).size).toBe(3);
  });

  it('keeps Liquid around whole sections on both paths: each persona sees its own branch', async () => {
    const offer = (await app.client.call('templates.list', {})).find((t) => t.name === 'Segment offer');
    const { source } = await app.client.call('templates.get', { id: offer!.id });
    for (const client of [http, app.client]) {
      const { previews, diagnostics } = await client.call('preview.render', { source });
      expect(diagnostics).toEqual([]);
      const byLabel = new Map(previews.map((p) => [p.label, p.html ?? '']));
      // The demo's high-value persona gets the private-collection section, the others the standard offer.
      expect(byLabel.get('High-value customer')).toContain('private collection');
      for (const label of ['Lapsed customer', 'New subscriber']) {
        expect(byLabel.get(label)).toContain('Claim my 20% off');
        expect(byLabel.get(label)).not.toContain('private collection');
      }
      for (const html of byLabel.values()) expect(html).not.toMatch(/\{\{|\{%/);
    }
  });

  it('gives the same validation error for bad input, on both paths', async () => {
    const errors = await Promise.all(
      [http, app.client].map((client) =>
        client.call('templates.get', { id: -1 }).then(
          () => null,
          (error: unknown) => error,
        ),
      ),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).code).toBe('invalid_input');
      expect((error as ContractError).message).toContain('id');
    }
    expect((errors[0] as ContractError).message).toBe((errors[1] as ContractError).message);
  });

  it('answers an unknown method with an error envelope, not a crash', async () => {
    const response = await post('/api/nope.nothing', {
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('rejects malformed JSON with a readable message', async () => {
    const response = await post('/api/templates.list', {
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{oops',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('HTTP host security', () => {
  it('refuses calls without the per-launch token', async () => {
    const response = await post('/api/templates.list', { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    const wrong = await post('/api/templates.list', {
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'guess' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses calls from another origin even with a token', async () => {
    const response = await post('/api/templates.list', {
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('refuses requests whose Host is not the loopback address (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${host.origin}/api/templates.list`,
        { method: 'POST', headers: { host: 'evil.example', [TOKEN_HEADER]: host.token } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('accepts the studio opened as localhost as well as 127.0.0.1', async () => {
    const port = new URL(host.origin).port;
    const response = await post('/api/templates.list', {
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: `http://localhost:${port}` },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  it('answers a malformed method name with an error envelope', async () => {
    const response = await post('/api/%E0', { headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }, body: '{}' });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('listens on 127.0.0.1 only and carries the token in the URL fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
  });

  it('stages uploads for import under its own folder', async () => {
    const response = await post('/upload?name=../../etc/passwd.csv', {
      headers: { [TOKEN_HEADER]: host.token },
      body: 'email\na@example.com\n',
    });
    const body = (await response.json()) as { ok: boolean; data: { path: string } };
    expect(body.ok).toBe(true);
    expect(path.basename(body.data.path)).toMatch(/passwd\.csv$/);
    expect(body.data.path).not.toContain('..');
    expect(fs.readFileSync(body.data.path, 'utf8')).toBe('email\na@example.com\n');

    // The upload holds customer data: importing it deletes the staged copy.
    const { jobId } = await http.call('imports.start', { path: body.data.path, displayName: 'passwd.csv' });
    await app.jobs.settle(jobId);
    expect(fs.existsSync(body.data.path)).toBe(false);
  });
});
