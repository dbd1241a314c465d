import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerEntry } from '../../electron/services/worker-entry';
import { finishForExport, renderMany } from '../../electron/services/render/service';
import type { Customer } from '../../shared/contract/schemas';

const customer = (id: string, first_name: string): Customer => ({
  id,
  email: null,
  first_name,
  last_name: null,
  phone: null,
  birth_date: null,
  gender: null,
  city: null,
  country: null,
  attributes: {},
});

describe('render worker entry', () => {
  it('runs the built worker as is, and the TypeScript one through tsx', () => {
    expect(workerEntry('/app/dist/node/electron/services/render/pool.js', () => '/nowhere')).toEqual({
      filename: path.join('/app/dist/node/electron/services/render', 'worker.js'),
      execArgv: [],
    });
    expect(workerEntry('/repo/electron/services/render/pool.ts', () => '/repo/node_modules/tsx/dist/loader.mjs')).toEqual({
      filename: path.join('/repo/electron/services/render', 'worker.ts'),
      execArgv: ['--import', 'file:///repo/node_modules/tsx/dist/loader.mjs'],
    });
  });
});

describe('rendering in the pool', () => {
  it('renders every customer in order and compiles a source once, in the worker', async () => {
    const section = '<mj-section><mj-column><mj-text>Hello {{ first_name }}</mj-text></mj-column></mj-section>\n';
    const source = `<mjml><mj-body>${section.repeat(150)}</mj-body></mjml>`;
    const customers = [customer('1', 'Ada'), null, customer('2', 'Zoë')];
    const first = await renderMany(source, customers);
    expect(first.rendered.map((email) => email && email.html?.includes(`Hello ${email.tokens[0]?.value}`))).toEqual([true, null, true]);
    expect(first.rendered[2]?.tokens).toEqual([{ name: 'first_name', value: 'Zoë', missing: false }]);
    // Each worker keeps its own cache, so a later refresh may land on a worker that has not compiled it yet; never twice.
    const later: number[] = [];
    for (let i = 0; i < 4; i++) later.push((await renderMany(source, customers)).compileMs);
    // A cache hit costs a message round trip; the first compile ran MJML over 150 sections.
    expect(later.filter((ms) => ms < first.compileMs / 3).length).toBeGreaterThanOrEqual(2);
  });
});

describe('export finishing in the worker', () => {
  it('inlines CSS with Liquid kept, and writes the plain-text part only when asked', async () => {
    const html =
      '<html><head><style>.note { color: #ff0000; }</style></head><body><p class="note">Hi {{ first_name | default: "there" }}</p><img src="x.png" alt="logo"></body></html>';
    const finished = await finishForExport(html, { text: true });
    expect(finished.html).toMatch(/class="note"[^>]*style="color: ?#ff0000/);
    expect(finished.html).toContain('{{ first_name | default: "there" }}');
    expect(finished.text).toBe('Hi {{ first_name | default: "there" }}');
    expect((await finishForExport(html, { text: false })).text).toBeNull();
  });
});
