import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESP_IDS } from '../../shared/esp/esp';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

/**
 * A condition on a yes/no column, as a designer writes it (`{% if newsletter %}`,
 * `{% unless %}`, `== false`), exported for every ESP: each persona must get
 * the branch Tailor's preview shows. The audience CSV carries the column as
 * the text true / false, which the string-typed ESPs keep as text: a bare
 * truthiness test there reads "false" as a value.
 */

const TEMPLATE = `<mjml><mj-body><mj-section><mj-column>
<mj-text>{% if newsletter %}Thanks for reading{% else %}Join the newsletter{% endif %}</mj-text>
<mj-text>{% unless newsletter %}Not subscribed{% endunless %}</mj-text>
<mj-text>{% if newsletter == false %}Opted out{% endif %}</mj-text>
<mj-text>{% if newsletter == blank %}No answer or no{% endif %}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

async function newsletterWorkspace() {
  const { app, dir } = await freshWorkspace();
  const file = path.join(dir, 'c.csv');
  fs.writeFileSync(
    file,
    [
      'id,email,first_name,newsletter',
      'C1,ada@example.com,Ada,yes',
      'C2,bob@example.com,Bob,no',
      'C3,cy@example.com,Cy,yes',
      'C4,dee@example.com,Dee,',
      'C5,eve@example.com,Eve,no',
    ].join('\n') + '\n',
  );
  await importThroughApp(app, file, 'customers');
  for (const [label, customerId] of [
    ['Subscribed', 'C1'],
    ['Opted out', 'C2'],
    ['No answer', 'C4'],
  ] as const)
    await app.client.call('personas.save', { label, source: { kind: 'customer', customerId } });
  return app;
}

describe('conditions on a boolean field, exported for every ESP', () => {
  it('the column is typed boolean, so Tailor reads "no" as false', async () => {
    const app = await newsletterWorkspace();
    const fields = await app.client.call('customers.fields', {});
    expect(fields.find((field) => field.key === 'newsletter')?.type).toBe('boolean');
  });

  it.each(ESP_IDS)('%s shows every persona the branch Tailor shows (round trip)', async (esp) => {
    const app = await newsletterWorkspace();
    const preview = await app.client.call('esp.preview', { template: { name: 't', source: TEMPLATE }, esp });
    const differences = preview.roundTrip.personas.map((persona) => [persona.label, persona.problem, persona.differences]);
    expect(differences).toEqual(preview.roundTrip.personas.map((persona) => [persona.label, null, []]));
    expect(preview.roundTrip.ok).toBe(true);
  });
});
