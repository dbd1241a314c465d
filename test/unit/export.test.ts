import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/services/app';
import { tempDir } from '../support/temp';

const SOURCE = `<mjml>
  <mj-head><mj-style>.note { color: #ff0000; } .vip div { color: #b8860b; }</mj-style></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-image src="{{ OfferImageURL | default: 'https://img.example.com/x.png' }}" alt="For {{ FirstName }}" />
      <mj-text css-class="note">Hi {{ FirstName | default: 'there' }}</mj-text>
      <mj-button href="https://shop.example.com/?cid={{ id }}&utm_source=email">Shop</mj-button>
    </mj-column></mj-section>
    {% if loyalty_tier == 'Gold' %}
    <mj-section><mj-column><mj-text>Gold perk</mj-text></mj-column></mj-section>
    {% endif %}
    <mj-section><mj-column><mj-text css-class="{% if loyalty_tier == 'Gold' %}vip{% endif %}">Tiered</mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`;

describe('export', () => {
  it('writes compiled HTML with tokens kept and CSS inlined, a text part, and each persona rendered', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor'), demo: true });
      const template = await app.client.call('templates.create', { name: 'Spring Sale!', source: SOURCE });
      const out = path.join(dir, 'out');
      const result = await app.client.call('export.run', { template: { id: template.id }, dir: out });

      const compiled = result.files.find((f) => f.kind === 'compiled');
      expect(compiled?.path).toBe(path.join(out, 'spring-sale.html'));
      const html = fs.readFileSync(compiled!.path, 'utf8');
      expect(html).toContain("{{ OfferImageURL | default: 'https://img.example.com/x.png' }}");
      expect(html).toContain('alt="For {{ FirstName }}"');
      expect(html).toContain('href="https://shop.example.com/?cid={{ id }}&utm_source=email"');
      expect(html).toContain("{% if loyalty_tier == 'Gold' %}");
      expect(html).toContain('{% endif %}');
      // The mj-style rule now sits on the element itself.
      expect(html).toMatch(/class="note"[^>]*style="[^"]*color: ?#ff0000/);
      // A rule for a class chosen by Liquid at send time must survive in the style block.
      expect(html).toContain("{% if loyalty_tier == 'Gold' %}vip{% endif %}");
      expect(html).toMatch(/\.vip div\s*\{\s*color: ?#b8860b/);

      const text = fs.readFileSync(path.join(out, 'spring-sale.txt'), 'utf8');
      expect(text).toContain("Hi {{ FirstName | default: 'there' }}");

      const personas = result.files.filter((f) => f.kind === 'persona');
      expect(personas).toHaveLength(3);
      for (const file of personas) {
        const rendered = fs.readFileSync(file.path, 'utf8');
        expect(rendered).not.toMatch(/\{\{|\{%/);
        expect(rendered).toMatch(/cid=C\d+&utm_source=email/);
      }
      expect(fs.readdirSync(out).some((name) => name.endsWith('.tmp'))).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('refuses to export a template with errors and says where', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor') });
      await expect(
        app.client.call('export.run', { template: { name: 'Broken', source: '<p>\n{% if x %}</p>' }, dir: path.join(dir, 'out') }),
      ).rejects.toThrow(/Line 2/);
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe('export keeps Liquid placed between MJML sections (protectLiquid)', () => {
  const STRUCTURAL = `<mjml>
  <mj-body>
    {% if first_name %}
    <mj-section><mj-column><mj-text>NAMED {{ first_name }}</mj-text></mj-column></mj-section>
    {% else %}
    <mj-section><mj-column><mj-text>ANONYMOUS</mj-text></mj-column></mj-section>
    {% endif %}
    <mj-section><mj-column><mj-button href="https://shop.example.com/?cid={{ id }}">Shop</mj-button></mj-column></mj-section>
  </mj-body>
</mjml>`;

  it('writes the block tags around whole sections, and each persona gets one branch', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor'), demo: true });
      const result = await app.client.call('export.run', {
        template: { name: 'Branches', source: STRUCTURAL },
        dir: path.join(dir, 'out'),
      });
      const compiled = fs.readFileSync(result.files.find((f) => f.kind === 'compiled')!.path, 'utf8');
      const order = ['{% if first_name %}', 'NAMED {{ first_name }}', '{% else %}', 'ANONYMOUS', '{% endif %}'].map((part) =>
        compiled.indexOf(part),
      );
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      const personas = result.files.filter((f) => f.kind === 'persona');
      expect(personas.length).toBeGreaterThan(0);
      for (const file of personas) {
        // Every demo persona has a first name.
        const html = fs.readFileSync(file.path, 'utf8');
        expect(html).toMatch(/NAMED \p{L}/u);
        expect(html).not.toContain('ANONYMOUS');
      }
    } finally {
      await app.close();
    }
  });

  it('refuses a template whose mj- tag MJML would drop, naming the tag and its line', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor') });
      const source =
        '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>ok</mj-text>\n  <mj-textt>lost</mj-textt>\n</mj-column></mj-section>\n</mj-body>\n</mjml>';
      await expect(app.client.call('export.run', { template: { name: 'Typo', source }, dir: path.join(dir, 'out') })).rejects.toThrow(
        /Line 5, column 3: MJML: <mj-textt> is not an MJML element/,
      );
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    } finally {
      await app.close();
    }
  });
});
