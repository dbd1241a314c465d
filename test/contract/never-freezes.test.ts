import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/contract';
import { startHttpHost, type HttpHost } from '../../electron/hosts/http-host';
import { createApp, type TailorApp } from '../../electron/services/app';
import { PREVIEW_BUDGET_MS, SUPERSEDED_MESSAGE } from '../../electron/services/render/service';
import { httpClient } from '../support/http-client';

/**
 * Templates are untrusted: a runaway loop or a huge MJML source must cost a
 * worker, never the host. These run over the real loopback HTTP host, as the
 * browser studio calls it.
 */
let app: TailorApp;
let host: HttpHost;
let http: Client;
let dir: string;

const RUNAWAY = `<mjml><mj-body><mj-section><mj-column><mj-text>
Hi {{ first_name }} {% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}
</mj-text></mj-column></mj-section></mj-body></mjml>`;

/** About 2 MB of valid MJML: thousands of sections, which MJML takes minutes to compile. */
function hugeMjml(bytes: number): string {
  const section = `<mj-section><mj-column><mj-text>Hello {{ first_name }}, here is a paragraph of news for you.</mj-text><mj-button href="https://example.com/?id={{ id }}">Read more</mj-button></mj-column></mj-section>\n`;
  return `<mjml><mj-body>\n${section.repeat(Math.ceil(bytes / section.length))}</mj-body></mjml>`;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-freeze-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  app = createApp({ host: 'direct', nativeDialogs: false });
  await app.client.call('workspace.create', { path: path.join(dir, 'freeze.tailor'), demo: true });
  const { rows } = await app.client.call('customers.list', { limit: 17 });
  for (const customer of rows) {
    await app.client.call('personas.save', { label: `Customer ${customer.id}`, source: { kind: 'customer', customerId: customer.id } });
  }
  host = await startHttpHost({ dispatch: app.dispatch, uploads: app.uploads, port: 0 });
  http = httpClient(host);
  // Start the workers before measuring anything: their first start is not the template's doing.
  await http.call('preview.render', { source: '<p>{{ first_name }}</p>' });
});

afterAll(async () => {
  await host.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the host never freezes', () => {
  it('answers app.info within 100 ms (p95) while 20 personas render a runaway loop, and stops it at the budget', async () => {
    expect(await app.client.call('personas.list', {})).toHaveLength(20);
    const started = performance.now();
    const preview = http.call('preview.render', { source: RUNAWAY }).then((result) => ({ result, ms: performance.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 150));

    // Each call is timed from when it was due, not when it was sent: a blocked
    // host delays the sending too (it shares this process), and a UI would wait all of that.
    const due = performance.now();
    const latencies = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 50));
        await http.call('app.info', {});
        return performance.now() - (due + i * 50);
      }),
    );
    const { result, ms } = await preview;
    expect(percentile(latencies, 95)).toBeLessThanOrEqual(100);

    expect(ms).toBeLessThan(PREVIEW_BUDGET_MS + 1_500);
    expect(result.previews).toHaveLength(20);
    for (const preview of result.previews) {
      expect(preview.html).toBeNull();
      expect(preview.problem).toMatch(/stopped|limit/);
    }
    const stopped = result.previews.filter((p) => p.problem?.includes('was stopped after 3 s'));
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped[0]!.problem).toContain('{% for %}');
  });

  it('stops a 2 MB MJML compile at the budget and reports it on every preview', async () => {
    const source = hugeMjml(2 * 1024 * 1024);
    expect(source.length).toBeGreaterThan(2_000_000);
    const started = performance.now();
    const result = await http.call('preview.render', { source });
    const ms = performance.now() - started;

    expect(ms).toBeLessThan(PREVIEW_BUDGET_MS + 1_500);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('took longer than 3 s to compile') as unknown }),
    );
    expect(result.previews).toHaveLength(20);
    for (const preview of result.previews) {
      expect(preview.html).toBeNull();
      expect(preview.problem).toContain('took longer than 3 s to compile');
    }

    // The pool recovers: the next refresh renders normally.
    const after = await http.call('preview.render', { source: '<p>Hi {{ first_name }}</p>' });
    expect(after.previews.map((p) => p.problem ?? p.html?.slice(0, 6))).toEqual(Array(20).fill('<p>Hi '));
  });

  it('lets a newer refresh replace a runaway one, so a fixed template previews at once', async () => {
    const runaway = http.call('preview.render', { source: RUNAWAY });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const started = performance.now();
    const fixed = await http.call('preview.render', { source: '<p>Fixed for {{ first_name }}</p>' });
    const ms = performance.now() - started;
    expect(fixed.previews.map((p) => p.problem ?? p.html?.slice(0, 10))).toEqual(Array(20).fill('<p>Fixed f'));
    // Not queued until the runaway one hits its budget (1.8 s later): only a worker restart in between.
    expect(ms).toBeLessThan(1_700);
    const replaced = await runaway;
    expect(replaced.previews.some((p) => p.problem === SUPERSEDED_MESSAGE)).toBe(true);
  });
});
