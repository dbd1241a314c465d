import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlinePartials } from '../../shared/templates/inline-partials';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

async function workspace() {
  const { app, dir } = await freshWorkspace();
  const file = path.join(dir, 'customers.csv');
  fs.writeFileSync(file, 'id,email,first_name\nC1,ada@example.com,Ada\nC2,bob@example.com,\n');
  await importThroughApp(app, file, 'customers');
  for (const id of ['C1', 'C2']) await app.client.call('personas.save', { label: id, source: { kind: 'customer', customerId: id } });
  return { app, dir };
}

describe('partials stored in the workspace', () => {
  it('are created, listed, renamed and deleted, and survive reopening the file', async () => {
    const { app, dir } = await workspace();
    const footer = await app.client.call('partials.save', { name: 'footer', source: '<p>Unsubscribe</p>' });
    await app.client.call('partials.save', { name: 'header', source: '<h1>Shop</h1>' });
    await expect(app.client.call('partials.save', { name: 'footer', source: 'x' })).rejects.toThrow(
      'A partial named "footer" already exists',
    );
    await expect(app.client.call('partials.save', { name: '../etc/passwd', source: 'x' })).rejects.toThrow('lower-case letters');
    const renamed = await app.client.call('partials.save', { id: footer.id, name: 'site_footer', source: '<p>Bye</p>' });
    expect(renamed).toMatchObject({ id: footer.id, name: 'site_footer', source: '<p>Bye</p>' });
    await app.client.call('workspace.open', { path: path.join(dir, 'w.tailor') });
    expect((await app.client.call('partials.list', {})).map((p) => p.name)).toEqual(['header', 'site_footer']);
    await app.client.call('partials.delete', { id: footer.id });
    expect((await app.client.call('partials.list', {})).map((p) => p.name)).toEqual(['header']);
  });

  it("render with {% render 'footer' %}, with the customer's tokens, and an edit shows on the next render", async () => {
    const { app } = await workspace();
    await app.client.call('partials.save', { name: 'footer', source: "<p>Bye {{ first_name | default: 'friend' }}</p>" });
    const source = "<p>Hello</p>{% render 'footer' %}";
    const first = await app.client.call('preview.render', { source });
    expect(first.diagnostics).toEqual([]);
    expect(first.previews.map((p) => p.html)).toEqual(['<p>Hello</p><p>Bye Ada</p>', '<p>Hello</p><p>Bye friend</p>']);
    const [footer] = await app.client.call('partials.list', {});
    await app.client.call('partials.save', { id: footer!.id, name: 'footer', source: '<p>See you</p>' });
    const second = await app.client.call('preview.render', { source });
    expect(second.previews.map((p) => p.html)).toEqual(['<p>Hello</p><p>See you</p>', '<p>Hello</p><p>See you</p>']);
  });

  it('render inside an MJML template, between sections', async () => {
    const { app } = await workspace();
    await app.client.call('partials.save', { name: 'footer', source: '<div class="footer">Footer for {{ first_name }}</div>' });
    const source = `<mjml><mj-body><mj-section><mj-column><mj-text>Body</mj-text></mj-column></mj-section>
{% render 'footer' %}
</mj-body></mjml>`;
    const result = await app.client.call('preview.render', { source });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.previews[0]?.html).toContain('<div class="footer">Footer for Ada</div>');
  });

  it('a missing partial is an error at its line, and never reads a file of that name', async () => {
    const { app, dir } = await workspace();
    fs.writeFileSync(path.join(dir, 'footer'), 'SECRET FROM DISK');
    const result = await app.client.call('preview.render', { source: "<p>Hi</p>\n\n{% render 'footer' %}" });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', line: 3 });
    expect(result.diagnostics[0]?.message).toContain('no partial named "footer"');
    expect(result.previews[0]?.html).toBeNull();
    expect(result.previews[0]?.problem).toContain('Line 3');
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });

  it('that include themselves fail as a problem of the preview, not of the app', async () => {
    const { app } = await workspace();
    // Saving one is refused (partials-cycle.test.ts); a workspace written before that check may still hold one.
    app.session
      .require()
      .db.prepare('INSERT INTO partials (name, source, updated_at) VALUES (?, ?, ?)')
      .run('loop', "<p>again</p>{% render 'loop' %}", '2026-01-01T00:00:00.000Z');
    const result = await app.client.call('preview.render', { source: "{% render 'loop' %}" });
    expect(result.previews.map((p) => p.html)).toEqual([null, null]);
    // Which limit stops the recursion first depends on the machine's speed: liquidjs's time budget, or the worker's stack.
    for (const preview of result.previews)
      expect(preview.problem).toMatch(/(render limit exceeded|Maximum call stack size exceeded), file:loop/);
    // The app still answers.
    expect((await app.client.call('preview.render', { source: '<p>fine</p>' })).previews[0]?.html).toBe('<p>fine</p>');
  });

  it('are inlined into the exported Liquid, so the export stands alone', async () => {
    const { app, dir } = await workspace();
    await app.client.call('partials.save', {
      name: 'footer',
      source: "<p>Bye {{ first_name | default: 'friend' }}</p>{% render 'legal' %}",
    });
    await app.client.call('partials.save', { name: 'legal', source: '<small>Legal</small>' });
    const template = await app.client.call('templates.create', { name: 'With footer', source: "<p>Hello</p>{% render 'footer' %}" });
    const result = await app.client.call('export.run', { template: { id: template.id }, dir: path.join(dir, 'out') });
    const compiled = result.files.find((f) => f.kind === 'compiled')!;
    const html = fs.readFileSync(compiled.path, 'utf8');
    expect(html).toContain("<p>Bye {{ first_name | default: 'friend' }}</p><small>Legal</small>");
    expect(html).not.toContain('render');
    const persona = fs.readFileSync(result.files.find((f) => f.kind === 'persona')!.path, 'utf8');
    expect(persona).toContain('<p>Bye Ada</p><small>Legal</small>');
  });
});

describe('inlinePartials', () => {
  const partials = { card: '<b>{{ product }}</b>', loop: "{% render 'loop' %}" };
  it('turns arguments into assigns and keeps what it cannot rewrite, saying why', () => {
    expect(inlinePartials("{% for p in items %}{% render 'card', product: p %}{% endfor %}", partials).html).toBe(
      '{% for p in items %}{% assign product = p %}<b>{{ product }}</b>{% endfor %}',
    );
    const kept = inlinePartials("{% render 'card' with p as product %}{% render 'nope' %}{% render 'loop' %}", partials);
    expect(kept.html).toContain("{% render 'card' with p as product %}{% render 'nope' %}");
    expect(kept.kept).toEqual([
      expect.stringContaining('passes arguments export cannot rewrite'),
      expect.stringContaining('no partial named "nope"'),
      expect.stringContaining('nest deeper than 8'),
    ]);
  });
});
