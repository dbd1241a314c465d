import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TailorEvent } from '../../shared/contract/events';
import { createSseParser } from '../../shared/contract/sse';
import { startHttpHost, TOKEN_HEADER, type HttpHost } from '../../electron/hosts/http-host';
import { createApp, type TailorApp } from '../../electron/services/app';

/** Progress and "data changed" reach a browser client as server-sent events, not by polling. */
let app: TailorApp;
let host: HttpHost;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-events-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  app = createApp({ host: 'direct', nativeDialogs: false });
  await app.client.call('workspace.create', { path: path.join(dir, 'events.tailor') });
  host = await startHttpHost({ dispatch: app.dispatch, uploads: app.uploads, events: app.events, port: 0 });
});

afterAll(async () => {
  await host.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Reads the event stream as the renderer does: fetch with the token header, frames parsed as they arrive. */
async function subscribe(): Promise<{
  events: TailorEvent[];
  next: (match: (e: TailorEvent) => boolean) => Promise<TailorEvent>;
  stop: () => void;
}> {
  const abort = new AbortController();
  const response = await fetch(`${host.origin}/api/events`, { headers: { [TOKEN_HEADER]: host.token }, signal: abort.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: TailorEvent[] = [];
  const waiters = new Set<() => void>();
  const parse = createSseParser((data) => {
    events.push(TailorEvent.parse(JSON.parse(data)));
    for (const waiter of [...waiters]) waiter();
  });
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const chunk = await reader.read().catch(() => null);
      if (!chunk || chunk.done) return;
      parse(chunk.value);
    }
  })();
  const next = (match: (e: TailorEvent) => boolean) =>
    new Promise<TailorEvent>((resolve) => {
      const check = () => {
        const found = events.find(match);
        if (found) {
          waiters.delete(check);
          resolve(found);
        }
      };
      waiters.add(check);
      check();
    });
  return { events, next, stop: () => abort.abort() };
}

describe('GET /api/events', () => {
  it('refuses a client without the session token', async () => {
    const response = await fetch(`${host.origin}/api/events`);
    expect(response.status).toBe(401);
    const other = await fetch(`${host.origin}/api/events`, { headers: { [TOKEN_HEADER]: host.token, origin: 'http://evil.example' } });
    expect(other.status).toBe(403);
  });

  it('pushes an import job from start to its typed result, then announces the changed data', async () => {
    const stream = await subscribe();
    const csv = path.join(dir, 'customers.csv');
    const rows = Array.from({ length: 30_000 }, (_, i) => `C${i},user${i}@example.com,Ada ${i},Paris`);
    fs.writeFileSync(csv, `id,email,first_name,city\n${rows.join('\n')}\n`);
    const { jobId } = await app.client.call('imports.start', { path: csv });

    const final = await stream.next((e) => e.type === 'job' && e.job.id === jobId && e.job.status !== 'running');
    await stream.next((e) => e.type === 'data.changed' && e.topics.includes('customers'));
    stream.stop();

    const updates = stream.events.flatMap((e) => (e.type === 'job' && e.job.id === jobId ? [e.job] : []));
    expect(updates[0]?.status).toBe('running');
    expect(updates.some((job) => job.status === 'running' && job.progress.rows > 0)).toBe(true);
    expect(final).toMatchObject({ job: { kind: 'import.customers', status: 'succeeded', result: { rowsImported: 30_000 } } });
    expect(stream.events.at(-1)).toEqual({ type: 'data.changed', topics: ['customers', 'imports'] });
  });

  it('announces a change made by any client', async () => {
    const stream = await subscribe();
    await app.client.call('templates.create', { name: 'Pushed' });
    expect(await stream.next((e) => e.type === 'data.changed')).toEqual({ type: 'data.changed', topics: ['templates'] });
    stream.stop();
  });
});
