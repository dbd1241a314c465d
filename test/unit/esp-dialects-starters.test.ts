import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/contract/schemas';
import { ESP_IDS } from '../../shared/esp/esp';
import { toDialect } from '../../shared/esp/to-dialect';
import { createLiquid } from '../../shared/templates/liquid-engine';
import { compileTemplate, renderForCustomer } from '../../electron/services/template-compiler';

/**
 * The converters on what export really hands them: every starter template,
 * compiled by the app's own compiler (MJML with Liquid kept), for every ESP.
 * New starters in assets/templates are picked up without editing this test.
 */

const STARTERS = path.join(__dirname, '../../assets/templates');
const starters = fs
  .readdirSync(STARTERS)
  .filter((file) => file.endsWith('.mjml'))
  .sort();

const customer = (over: Partial<Customer>): Customer => ({
  id: 'C1',
  email: 'ana@example.com',
  first_name: 'Ana',
  last_name: 'Kowalska',
  phone: null,
  birth_date: null,
  gender: null,
  city: 'Kraków',
  country: 'PL',
  attributes: {},
  ...over,
});

const PERSONAS: Customer[] = [
  customer({
    attributes: { loyalty_tier: 'Gold', loyalty_points: '640', order_count: '1', lifetime_value: '1500', favorite_category: 'Shoes' },
  }),
  customer({
    id: 'C2',
    first_name: null,
    attributes: { loyalty_tier: 'Platinum', loyalty_points: '4200', order_count: '12', last_order_date: '2025-03-05' },
  }),
  customer({ id: 'C3', first_name: 'Li', attributes: {} }),
  customer({
    id: 'C4',
    birth_date: '1990-03-05',
    attributes: { cart_items: 'Tote', newsletter_opt_in: 'yes', signup_date: '2024-01-15', favorite_category: 'Knit Wear' },
  }),
];

const liquid = createLiquid();

/** Braze is Liquid: with its references turned into lookups, liquidjs renders what Braze would. */
function renderBraze(braze: string, profile: Record<string, unknown>): string {
  const plain = braze
    .replace(/\{%([\s\S]*?)%\}/g, (_tag, inner: string) => `{%${inner.replace(/\{\{\s*([\s\S]*?)\s*\}\}/g, '$1')}%}`)
    .replace(/\{\{ \$\{set_user_to_unsubscribed_url\} \}\}/g, 'https://shop.example.com/unsubscribe')
    // The id column is external_id in Braze's import and ${user_id} in a template [B3].
    .replace(/\$\{user_id\}/g, '${external_id}')
    .replace(/(?:custom_attribute\.)?\$\{([^}]*)\}/g, (_all, name: string) => `p["${name}"]`);
  return liquid.parseAndRenderSync(plain, { p: profile }) as string;
}

describe.each(starters)('starter %s', (file) => {
  const compiled = compileTemplate(fs.readFileSync(path.join(STARTERS, file), 'utf8'));

  it.each(ESP_IDS)('converts for %s with every warning at a line that holds its construct', async (esp) => {
    const { html } = await compiled;
    expect(html).not.toBeNull();
    const lines = (html ?? '').split('\n');
    const out = toDialect(html ?? '', esp, {});
    expect(out.warnings.filter((w) => w.message.startsWith('The Liquid could not be read'))).toEqual([]);
    for (const warning of out.warnings) {
      expect(warning.line, warning.message).not.toBeNull();
      const firstLine = warning.construct.split('\n')[0] ?? '';
      expect(lines[(warning.line ?? 0) - 1], warning.message).toContain(firstLine);
    }
    expect(out.attributes.map((a) => a.token)).toContain('first_name');
    if (esp === 'sfmc' || esp === 'mailchimp') expect(out.source).not.toMatch(/\{\{|\{%/);
  });

  it('prints for Braze what Tailor prints, for every persona', async () => {
    const template = await compiled;
    const out = toDialect(template.html ?? '', 'braze', {});
    for (const persona of PERSONAS) {
      const profile: Record<string, unknown> = {};
      // What the audience CSV would carry for this customer: every field under its token.
      const { attributes, typed: _typed, ...columns } = persona;
      const fields: Record<string, string | null> = { ...attributes, ...columns };
      for (const { token, attribute } of out.attributes) {
        const value = fields[token];
        profile[attribute] = value === null || value === undefined || value === '' ? undefined : value;
      }
      const tailor = renderForCustomer(template, persona).html;
      // Line by line, so a difference shows where it is.
      expect(renderBraze(out.source, profile).split('\n'), persona.id).toEqual(tailor?.split('\n'));
    }
  });
});
