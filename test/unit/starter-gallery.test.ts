import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/contract/schemas';
import { createLiquid } from '../../shared/templates/liquid-engine';
import { templateFormat } from '../../shared/templates/template-format';
import { preparePreview } from '../../shared/templates/preview-document';
import { starterGallery } from '../../electron/services/starters/gallery';
import { compileTemplate, renderForCustomer } from '../../electron/services/template-compiler';

/**
 * The starter gallery: every design compiles cleanly, writes tokens the one
 * canonical way (snake_case) with fallbacks, keeps its conditional blocks
 * through MJML (which silently drops Liquid placed between sections), and
 * renders for a full profile and for an empty one.
 */

const full: Customer = {
  id: 'C7',
  email: 'ana@example.com',
  first_name: 'Ana',
  last_name: 'Silva',
  phone: null,
  birth_date: '1990-03-05',
  gender: null,
  city: 'Porto',
  country: 'PT',
  attributes: {
    loyalty_tier: 'Gold',
    loyalty_points: '320',
    lifetime_value: '812.50',
    order_count: '4',
    last_order_date: '2026-02-11',
    favorite_category: 'Shoes',
    signup_date: '2024-06-01',
    newsletter_opt_in: 'yes',
  },
};
const empty: Customer = {
  id: 'C8',
  email: null,
  first_name: null,
  last_name: null,
  phone: null,
  birth_date: null,
  gender: null,
  city: null,
  country: null,
  attributes: {},
};

const gallery = starterGallery();
const LIFECYCLE = ['Welcome', 'Abandoned cart', 'Post-purchase', 'Birthday', 'Win-back'];
const OURS = ['Blank email', 'Blank HTML email', ...LIFECYCLE];
const blockTags = (text: string): string[] =>
  [...text.matchAll(/\{%-?\s*(if|elsif|else|endif|for|endfor|unless|endunless)\b/g)].map((m) => m[1]!);

describe('starter gallery', () => {
  it('offers both blanks, the demo designs and the five lifecycle emails', () => {
    const names = gallery.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['Blank email', 'Blank HTML email']);
    for (const name of LIFECYCLE) expect(names).toContain(name);
    expect(new Set(names).size).toBe(names.length);
    for (const starter of gallery) {
      expect(starter.description.length).toBeGreaterThan(10);
      expect(templateFormat(starter.source)).toBe(starter.format);
    }
  });

  it('gives the blank MJML email a head with a title and a preview', () => {
    const blank = gallery[0]!.source;
    expect(blank).toMatch(/<mj-head>[\s\S]*<mj-title>[^<]+<\/mj-title>[\s\S]*<mj-preview>[^<]+<\/mj-preview>[\s\S]*<\/mj-head>/);
  });

  describe.each(gallery.map((s) => [s.name, s] as const))('%s', (name, starter) => {
    it('compiles without errors or warnings', async () => {
      const compiled = await compileTemplate(starter.source);
      expect(compiled.diagnostics).toEqual([]);
      expect(compiled.html).not.toBeNull();
    });

    it('has a subject and preheader, snake_case tokens with fallbacks and a conditional block', async () => {
      if (starter.format === 'mjml')
        expect(starter.source).toMatch(/<mj-title>[\s\S]+<\/mj-title>[\s\S]*<mj-preview>[\s\S]+<\/mj-preview>/);
      else expect(starter.source).toMatch(/<title>[^<]+<\/title>/);
      const compiled = await compileTemplate(starter.source);
      const roots = new Set(compiled.variables.map((path) => String(path[0])));
      expect(roots.size).toBeGreaterThan(1);
      // The demo's three designs predate the canonical spelling; their PascalCase aliases still work.
      if (OURS.includes(name)) for (const root of roots) expect(root, `${name} writes ${root}`).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(starter.source).toMatch(/\|\s*default:/);
      // The blank MJML email stays minimal: a token with a fallback, nothing to delete first.
      if (name !== 'Blank email') expect(starter.source).toMatch(/\{%-?\s*if /);
    });

    it('shows its subject and preheader in the preview inbox row', async () => {
      const compiled = await compileTemplate(starter.source);
      const { inbox } = preparePreview(renderForCustomer(compiled, full).html ?? '', { allowRemote: false });
      expect(inbox.subject).not.toBeNull();
      expect(inbox.preheader, `${name}: no preheader in the inbox row`).not.toBeNull();
    });

    it('keeps every block tag through MJML', async () => {
      const compiled = await compileTemplate(starter.source);
      expect(blockTags(compiled.html ?? '')).toEqual(blockTags(starter.source));
    });

    it('renders for a full profile and an empty one, with no Liquid left over', async () => {
      const compiled = await compileTemplate(starter.source);
      for (const customer of [full, empty]) {
        const email = renderForCustomer(compiled, customer);
        expect(email.problem).toBeNull();
        expect(email.html).not.toMatch(/\{\{|\{%/);
      }
      const fallback = renderForCustomer(compiled, empty).html ?? '';
      expect(fallback).not.toMatch(/\b(undefined|null)\b/);
    });
  });

  it('abandoned cart repeats a product section per cart item, and falls back without a cart', async () => {
    const cart = gallery.find((s) => s.name === 'Abandoned cart')!;
    const compiled = await compileTemplate(cart.source);
    const liquid = createLiquid();
    const withCart = liquid.renderSync(compiled.liquid!, {
      first_name: 'Ana',
      cart_items: ['Suede loafers', 'Canvas tote', 'Linen shirt'],
    }) as string;
    expect(withCart).toContain('Suede loafers');
    expect(withCart).toContain('Item 3 of 3');
    expect(withCart.match(/Item \d of 3/g)).toHaveLength(3);
    expect(withCart).not.toContain('are waiting, but we can only hold them');
    const without = liquid.renderSync(compiled.liquid!, { favorite_category: 'Shoes' }) as string;
    expect(without).toContain('Your Shoes are waiting');
    expect(without).not.toMatch(/Item \d of/);
  });

  it('the top-tier block shows only for top tiers', async () => {
    const winBack = gallery.find((s) => s.name === 'Birthday')!;
    const compiled = await compileTemplate(winBack.source);
    const gold = renderForCustomer(compiled, full).html ?? '';
    const none = renderForCustomer(compiled, empty).html ?? '';
    expect(gold).toContain('as a Gold member, every order earns double points');
    expect(none).not.toContain('double points');
    expect(gold).toContain('March 5');
    expect(none).toContain('Tell us your birthday');
  });
});
