import { describe, expect, it } from 'vitest';
import { freshWorkspace } from '../support/workspace-app';

/**
 * A partial that renders itself, directly or through others, used to save
 * fine and then fail every email using it with "Maximum call stack size
 * exceeded" after recursing in the render worker. Saving it is now refused
 * with the chain named, and nothing is written.
 */
describe('partials that render each other', () => {
  it('refuses a partial that renders itself', async () => {
    const { app } = await freshWorkspace();
    await expect(app.client.call('partials.save', { name: 'loop', source: "<p>{% render 'loop' %}</p>" })).rejects.toThrow(
      'Partial "loop" would render itself (loop → loop)',
    );
    expect(await app.client.call('partials.list', {})).toEqual([]);
  });

  it('refuses the edit that closes a cycle through other partials, naming the chain, and keeps the old source', async () => {
    const { app } = await freshWorkspace();
    const header = await app.client.call('partials.save', { name: 'header', source: "<h1>Shop</h1>{% include 'nav' %}" });
    await app.client.call('partials.save', { name: 'nav', source: "<nav>{% render 'menu' %}</nav>" });
    const menu = await app.client.call('partials.save', { name: 'menu', source: '<ul></ul>' });
    await expect(app.client.call('partials.save', { id: menu.id, name: 'menu', source: "<ul>{% render 'header' %}</ul>" })).rejects.toThrow(
      'Partial "menu" would render itself (menu → header → nav → menu)',
    );
    expect((await app.client.call('partials.list', {})).find((p) => p.id === menu.id)?.source).toBe('<ul></ul>');
    // A rename can close a cycle too: header renders "nav", so a partial renamed to "nav" that renders header is refused.
    await expect(app.client.call('partials.save', { id: menu.id, name: 'nav2', source: "{% render 'header' %}" })).resolves.toMatchObject({
      name: 'nav2',
    });
    const nav = (await app.client.call('partials.list', {})).find((p) => p.name === 'nav')!;
    await app.client.call('partials.delete', { id: nav.id });
    await expect(app.client.call('partials.save', { id: header.id, name: 'header', source: "{% render 'nav2' %}" })).rejects.toThrow(
      'Partial "header" would render itself (header → nav2 → header)',
    );
  });

  it('still saves partials that share a partial without a cycle, and a partial Liquid cannot parse yet', async () => {
    const { app } = await freshWorkspace();
    await app.client.call('partials.save', { name: 'logo', source: '<img alt="Shop">' });
    await app.client.call('partials.save', { name: 'header', source: "{% render 'logo' %}" });
    await app.client.call('partials.save', { name: 'footer', source: "{% render 'logo' %}{% render 'logo' %}" });
    await app.client.call('partials.save', { name: 'draft', source: '{% if %}' });
    expect((await app.client.call('partials.list', {})).map((p) => p.name)).toEqual(['draft', 'footer', 'header', 'logo']);
  });
});
