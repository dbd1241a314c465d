import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ESP_IDS } from '../../shared/esp/esp';
import { tempDir } from '../support/temp';
import { freshWorkspace } from '../support/workspace-app';

/**
 * A template that uses the workspace's partials and token dictionary renders
 * in previews and the plain export; the other ways out of the studio must
 * read them too. ESP export and its field map, the compiled HTML pane, lint and
 * proofs compiled without them, so a footer partial failed with "no partial
 * named footer" and a dictionary token became an attribute nobody has.
 */

const SOURCE = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hi {{ greeting_name }}!</mj-text>
<mj-text>{% render 'footer' %}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

async function workspace() {
  const { app, dir } = await freshWorkspace();
  await app.client.call('workspace.create', { path: path.join(dir, 'demo.tailor'), demo: true });
  await app.client.call('partials.save', { name: 'footer', source: "Sent with care to {{ first_name | default: 'you' }}." });
  await app.client.call('tokens.saveDictionary', {
    entries: [{ name: 'greeting_name', field: 'first_name', fallback: 'friend', format: 'text', formatArg: null }],
  });
  const template = await app.client.call('templates.create', { name: 'Partial and dictionary', source: SOURCE });
  return { app, template };
}

describe('partials and the token dictionary outside the previews', () => {
  it('ESP export reads them: the partial is written out, the dictionary token is its field, and the round trip passes', async () => {
    const { app, template } = await workspace();
    for (const esp of ESP_IDS) {
      const preview = await app.client.call('esp.preview', { template: { id: template.id }, esp });
      expect(preview.source, esp).toContain('Sent with care to');
      expect(preview.source, esp).not.toMatch(/render 'footer'|greeting_name/);
      expect(
        preview.attributes.map((attribute) => attribute.token),
        esp,
      ).toEqual(['first_name']);
      expect(
        preview.roundTrip.personas.map((persona) => [persona.label, persona.problem, persona.differences]),
        esp,
      ).toEqual(preview.roundTrip.personas.map((persona) => [persona.label, null, []]));
    }
    const map = await app.client.call('esp.fieldMap', { esp: 'mailchimp', template: { id: template.id } });
    expect(map.entries.find((entry) => entry.token === 'first_name')?.used).toBe(true);
  });

  it('the compiled HTML pane shows the email as export writes it', async () => {
    const { app } = await workspace();
    const compiled = await app.client.call('templates.compiled', { source: SOURCE });
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(compiled.html).toContain('Sent with care to');
  });

  it('lint checks the email with them', async () => {
    const { app } = await workspace();
    const report = await app.client.call('lint.run', { source: SOURCE });
    expect(report.problem).toBeNull();
    expect(report.text).toContain('Sent with care to');
  });

  it('proofs render them', async () => {
    const { app, template } = await workspace();
    const out = tempDir();
    const { jobId } = await app.client.call('proofs.start', { template: { id: template.id }, dir: out });
    const job = await app.jobs.settle(jobId);
    expect(job.status, job.message ?? '').toBe('succeeded');
    if (job.kind !== 'proofs.run' || !job.result?.zip) throw new Error('no zip');
    expect(job.result.personas.map((persona) => persona.problem)).toEqual(job.result.personas.map(() => null));
    const files = unzipSync(fs.readFileSync(job.result.zip));
    const html = Object.keys(files).find((name) => name.endsWith('.html') && name.includes('/'));
    expect(strFromU8(files[html ?? '']!)).toMatch(/Hi \S+!/);
    expect(strFromU8(files[html ?? '']!)).toContain('Sent with care to');
  });
});
