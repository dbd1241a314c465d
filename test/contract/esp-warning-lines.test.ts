import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace } from '../support/workspace-app';

/**
 * An ESP warning names the line the author wrote the construct on, in the
 * template open in the editor, not a line of the compiled HTML (MJML turns
 * 90 lines of source into 400 of HTML: "line 194" pointed nowhere).
 */

const STARTER = fs.readFileSync(path.join(__dirname, '../../assets/templates/loyalty-thank-you.mjml'), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('ESP warnings point at the author’s line', () => {
  it('in a starter, for HubSpot and SFMC', async () => {
    const { app } = await freshWorkspace();
    const hubspot = await app.client.call('esp.preview', { template: { name: 't', source: STARTER }, esp: 'hubspot' });
    const programmable = hubspot.warnings.find((warning) => warning.message.includes('programmable email'));
    expect(programmable?.construct).toBe('{% if orders == 1 %}');
    expect(programmable?.line).toBe(lineOf(STARTER, '{% if orders == 1 %}'));

    const sfmc = await app.client.call('esp.preview', { template: { name: 't', source: STARTER }, esp: 'sfmc' });
    const caseWarning = sfmc.warnings.find((warning) => warning.message.includes('without regard to case'));
    expect(caseWarning?.line).toBe(lineOf(STARTER, "{% if loyalty_tier == 'Platinum' %}"));
  });

  it('the second of two identical constructs gets its own line', async () => {
    const { app } = await freshWorkspace();
    const source = [
      '<mjml><mj-body><mj-section><mj-column>',
      '<mj-text>{% for item in cart_items %}{{ item }}{% endfor %}</mj-text>',
      '</mj-column></mj-section>',
      '<mj-section><mj-column>',
      '<mj-text>Again:</mj-text>',
      '<mj-text>{% for item in cart_items %}{{ item }}{% endfor %}</mj-text>',
      '</mj-column></mj-section></mj-body></mjml>',
    ].join('\n');
    const preview = await app.client.call('esp.preview', { template: { name: 't', source }, esp: 'mailchimp' });
    const loops = preview.warnings.filter((warning) => warning.message.includes('no loops'));
    expect(loops.map((warning) => warning.line)).toEqual([2, 6]);
  });
});
