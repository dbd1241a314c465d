import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../shared/contract/schemas';
import { createLiquid } from '../../shared/templates/liquid-engine';
import { partialsFromMap } from '../../shared/templates/partials';
import { createApp } from '../../electron/services/app';
import { compileTemplate, renderForCustomer } from '../../electron/services/template-compiler';
import { tempDir } from '../support/temp';

/**
 * A template is shared between people: `{% include %}` and friends must never
 * read the host's files, only partials stored in the workspace (none yet).
 */

const customer = (attributes: Record<string, string> = {}): Customer => ({
  id: 'C1',
  email: 'ana@example.com',
  first_name: 'Ana',
  last_name: null,
  phone: null,
  birth_date: null,
  gender: null,
  city: 'Paris',
  country: 'FR',
  attributes,
});

/** A file whose content must never show up anywhere. */
function secretFile(): { file: string; marker: string } {
  const marker = `SECRET-${Math.random().toString(36).slice(2)}`;
  const file = path.join(tempDir('tailor-secret-'), 'secret.liquid');
  fs.writeFileSync(file, `${marker} {{ city }}`);
  return { file, marker };
}

const PACKAGE_JSON = fs.readFileSync(path.resolve('package.json'), 'utf8');
// A line of package.json unlikely to appear in any email.
const PACKAGE_MARKER = /"productName"|"devDependencies"/;

afterEach(() => vi.restoreAllMocks());

describe('Liquid has no file-system access', () => {
  it('renders nothing from package.json and says which partial is missing, at its line', async () => {
    expect(PACKAGE_JSON).toMatch(PACKAGE_MARKER);
    const compiled = await compileTemplate('<p>Hello</p>\n<p>{% include package.json %}</p>');
    const error = compiled.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ source: 'liquid', line: 2, column: 4 });
    expect(error?.message).toContain('no partial named "package.json"');
    const rendered = renderForCustomer(compiled, customer());
    expect(rendered.html ?? '').not.toMatch(PACKAGE_MARKER);
    expect(rendered.problem).toMatch(/^Line 2, column 4: .*no partial named "package.json"/);
  });

  it.each([
    ['include', '{% include package.json %}', 'package.json'],
    ['include, double-quoted', '{% include "package.json" %}', 'package.json'],
    ['render, single-quoted', "{% render 'package.json' %}", 'package.json'],
    ['layout', '{% layout package.json %}', 'package.json'],
    ['relative', '{% include ./package.json %}', './package.json'],
    ['parent folders', '{% render ../../../../../../../etc/passwd %}', '../../../../../../../etc/passwd'],
    ['absolute', '{% include /etc/passwd %}', '/etc/passwd'],
    ['absolute, quoted', '{% include "/etc/passwd" %}', '/etc/passwd'],
    ['layout, absolute', '{% layout "/etc/passwd" %}{% block x %}{% endblock %}', '/etc/passwd'],
  ])('%s: a clear error, and nothing read', async (_kind, source, name) => {
    const readFileSync = vi.spyOn(fs, 'readFileSync');
    const statSync = vi.spyOn(fs, 'statSync');
    const compiled = await compileTemplate(`x\n${source}`);
    const rendered = renderForCustomer(compiled, customer());
    const error = compiled.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ source: 'liquid', line: 2 });
    expect(error?.message).toContain(`no partial named "${name}"`);
    expect(rendered.html).toBeNull();
    // The compile-time check aside, rendering itself cannot reach a file either.
    expect(() => String(createLiquid().parseAndRenderSync(`x\n${source}`))).toThrow(`no partial named "${name}"`);
    const touched = [...readFileSync.mock.calls, ...statSync.mock.calls].map(([file]) => String(file));
    expect(touched.filter((file) => /package\.json|passwd/.test(file))).toEqual([]);
  });

  it('refuses a temp file by absolute path, and a path computed at render time', async () => {
    const { file, marker } = secretFile();
    const fixed = await compileTemplate(`{% include ${file} %}`);
    expect(fixed.diagnostics[0]?.message).toContain(`no partial named "${file}"`);
    expect(renderForCustomer(fixed, customer()).html ?? '').not.toContain(marker);

    // The name comes from customer data, so only rendering can catch it: still nothing is read.
    const dynamic = await compileTemplate('<p>\n{% include {{ secret_path }} %}</p>');
    expect(dynamic.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const target of [file, 'package.json', '../package.json']) {
      const rendered = renderForCustomer(dynamic, customer({ secret_path: target }));
      expect(rendered.html).toBeNull();
      expect(rendered.problem).toContain(`Line 2, column 1: Liquid: no partial named "${target}"`);
      expect(rendered.problem).not.toContain(marker);
    }
  });

  it('never falls back to the real file system, whatever liquidjs entry point is used', async () => {
    const { file, marker } = secretFile();
    const liquid = createLiquid();
    const render = (template: string) => () => String(liquid.parseAndRenderSync(template));
    expect(render(`{% include ${file} %}`)).toThrow(/no partial named/);
    expect(() => String(liquid.renderFileSync(file))).toThrow(/no partial named/);
    expect(() => liquid.parseFileSync('package.json')).toThrow(/no partial named "package.json"/);
    await expect(liquid.parseAndRender(`{% render ${file} %}`)).rejects.toThrow(/no partial named/);
    await expect(liquid.renderFile('package.json')).rejects.toThrow(/no partial named/);
    for (const options of [liquid.options.root, liquid.options.partials, liquid.options.layouts]) {
      expect(liquid.options.fs.resolve(options[0] ?? '.', file, '')).toBe(file);
    }
    expect(marker).toBeTruthy();
  });

  it('resolves partials through the injected lookup, by name, so workspace partials can plug in', () => {
    const liquid = createLiquid({ partials: partialsFromMap(new Map([['footer', 'Bye {{ who }}']])) });
    const render = (template: string, context = {}) => String(liquid.parseAndRenderSync(template, context));
    expect(render("{% render 'footer', who: 'Ana' %}")).toBe('Bye Ana');
    expect(render('{% include footer %}', { who: 'Bo' })).toBe('Bye Bo');
    expect(() => render('{% include ../footer %}')).toThrow(/no partial named "..\/footer"/);
  });

  it('previews and exports refuse an include, naming it and its line, and write nothing', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor'), demo: true });
      const source = `<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>{% include package.json %}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
      const preview = await app.client.call('preview.render', { source });
      expect(preview.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', line: 4 }));
      expect(preview.previews.length).toBeGreaterThan(0);
      for (const card of preview.previews) {
        expect(card.html).toBeNull();
        expect(card.problem).toMatch(/Line 4, column 10: .*no partial named "package.json"/);
      }
      const out = path.join(dir, 'out');
      await expect(app.client.call('export.run', { template: { name: 'Leak', source }, dir: out, personas: true })).rejects.toThrow(
        /Line 4.*no partial named "package.json"/,
      );
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      await app.close();
    }
  });
});
