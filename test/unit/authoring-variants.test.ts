import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSubject } from '../../shared/templates/variants';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

const SOURCE = `<mjml>
  <mj-head><mj-title>Our news</mj-title></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text>{% if variant == 'B' %}Short and sweet, {{ first_name }}{% else %}A long story, {{ first_name }}{% endif %}</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;

const VARIANTS = [
  { name: 'A', split: 50, subject: null },
  { name: 'B', split: 50, subject: 'Quick one, {{ first_name }}' },
];

async function workspace() {
  const { app, dir } = await freshWorkspace();
  const file = path.join(dir, 'customers.csv');
  fs.writeFileSync(file, 'id,email,first_name\nC1,ada@example.com,Ada\n');
  await importThroughApp(app, file, 'customers');
  await app.client.call('personas.save', { label: 'Ada', source: { kind: 'customer', customerId: 'C1' } });
  const template = await app.client.call('templates.create', { name: 'News', source: SOURCE });
  return { app, dir, template };
}

describe('A/B variants', () => {
  it('are stored per template; splits must add up to 100 and names differ', async () => {
    const { app, template } = await workspace();
    expect(await app.client.call('templates.variants', { id: template.id })).toEqual([]);
    expect(await app.client.call('templates.saveVariants', { id: template.id, variants: VARIANTS })).toEqual(VARIANTS);
    await expect(
      app.client.call('templates.saveVariants', { id: template.id, variants: [VARIANTS[0]!, { ...VARIANTS[1]!, split: 40 }] }),
    ).rejects.toThrow('add up to 90%');
    await expect(app.client.call('templates.saveVariants', { id: template.id, variants: [VARIANTS[0]!, VARIANTS[0]!] })).rejects.toThrow(
      'Two variants are named "A"',
    );
    expect(await app.client.call('templates.variants', { id: template.id })).toEqual(VARIANTS);
    await app.client.call('templates.delete', { id: template.id });
  });

  it("render each variant's subject and blocks", async () => {
    const { app } = await workspace();
    const [a, b] = await Promise.all(
      VARIANTS.map((variant) =>
        app.client.call('preview.render', { source: SOURCE, variant: { name: variant.name, subject: variant.subject } }),
      ),
    );
    expect(a!.previews[0]).toMatchObject({ variant: 'A', problem: null });
    expect(a!.previews[0]?.html).toContain('A long story, Ada');
    expect(a!.previews[0]?.html).toContain('<title>Our news</title>');
    expect(b!.previews[0]).toMatchObject({ variant: 'B', problem: null });
    expect(b!.previews[0]?.html).toContain('Short and sweet, Ada');
    expect(b!.previews[0]?.html).toContain('<title>Quick one, Ada</title>');
  });

  it('export one file per variant, pinned to it, with the splits in variants.json', async () => {
    const { app, dir, template } = await workspace();
    await app.client.call('templates.saveVariants', { id: template.id, variants: VARIANTS });
    const result = await app.client.call('export.run', { template: { id: template.id }, dir: path.join(dir, 'out') });
    const names = result.files.map((f) => path.relative(result.dir, f.path)).sort();
    expect(names).toEqual(
      [
        path.join('personas', 'news--variant-a--ada.html'),
        path.join('personas', 'news--variant-b--ada.html'),
        'news--variant-a.html',
        'news--variant-a.txt',
        'news--variant-b.html',
        'news--variant-b.txt',
        'variants.json',
      ].sort(),
    );
    const b = fs.readFileSync(path.join(result.dir, 'news--variant-b.html'), 'utf8');
    expect(b.startsWith("{% assign variant = 'B' %}")).toBe(true);
    expect(b).toContain('<title>Quick one, {{ first_name }}</title>');
    expect(fs.readFileSync(path.join(result.dir, 'personas', 'news--variant-b--ada.html'), 'utf8')).toContain('Short and sweet, Ada');
    expect(JSON.parse(fs.readFileSync(path.join(result.dir, 'variants.json'), 'utf8'))).toEqual({
      variants: [
        { name: 'A', split: 50, subject: null, file: 'news--variant-a.html' },
        { name: 'B', split: 50, subject: 'Quick one, {{ first_name }}', file: 'news--variant-b.html' },
      ],
    });
  });
});

describe('withSubject', () => {
  it('replaces the title, or adds one to the head', () => {
    expect(withSubject('<mjml><mj-head><mj-title>Old</mj-title></mj-head></mjml>', 'New & <b>')).toBe(
      '<mjml><mj-head><mj-title>New &amp; &lt;b></mj-title></mj-head></mjml>',
    );
    expect(withSubject('<mjml><mj-body></mj-body></mjml>', 'S')).toBe(
      '<mjml><mj-head><mj-title>S</mj-title></mj-head><mj-body></mj-body></mjml>',
    );
    expect(withSubject('<html><head><meta charset="utf-8"></head><body>x</body></html>', 'S')).toBe(
      '<html><head><title>S</title><meta charset="utf-8"></head><body>x</body></html>',
    );
    expect(withSubject('<p>x</p>', null)).toBe('<p>x</p>');
  });
});
