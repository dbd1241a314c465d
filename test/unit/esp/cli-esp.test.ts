import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/cli-runner';
import { tempDir } from '../../support/temp';

const TEMPLATE = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hi {{ first_name | default: 'there' }}</mj-text>
{% for c in favorite_categories %}<mj-text>{{ c }}</mj-text>{% endfor %}
</mj-column></mj-section></mj-body></mjml>`;

describe('tailor export --esp and tailor audience', () => {
  it('exports in the ESP language with warnings and the round-trip report as JSON; bad options are usage errors', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const workspace = path.join(dir, 'w.tailor');
    const template = path.join(dir, 'welcome.mjml');
    fs.writeFileSync(template, TEMPLATE);
    expect((await cli(['init', workspace])).code).toBe(0);

    const result = await cli(['export', workspace, '--template', template, '--esp', 'mailchimp', '--out', path.join(dir, 'out'), '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      esp: string;
      warnings: { line: number | null; message: string }[];
      roundTrip: { ok: boolean };
    };
    expect(json.esp).toBe('mailchimp');
    // Mailchimp has no loops: said out loud, with its line.
    expect(json.warnings.some((warning) => warning.line !== null && /loop/i.test(warning.message))).toBe(true);
    expect(json.roundTrip.ok).toBe(true);
    const folder = fs.readdirSync(path.join(dir, 'out')).find((name) => !name.startsWith('.')) ?? '';
    expect(fs.readFileSync(path.join(dir, 'out', folder, 'welcome-mjml-mailchimp.html'), 'utf8')).toContain('*|FNAME|*');

    const human = await cli(['export', workspace, '--template', template, '--esp', 'sfmc', '--out', path.join(dir, 'out')]);
    expect(human.stdout).toMatch(/Round-trip check: Salesforce Marketing Cloud shows every persona/);

    expect((await cli(['export', workspace, '--template', template, '--esp', 'sendgrid', '--out', dir])).code).toBe(2);
    expect((await cli(['audience', workspace, '--segment', 'VIP', '--out', path.join(dir, 'a.csv')])).code).toBe(2);
    const missing = await cli(['audience', workspace, '--segment', 'VIP', '--esp', 'braze', '--out', path.join(dir, 'a.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No segment "VIP"');
  });

  it('audience --template adds the derived columns the export reads (a date Mailchimp cannot format)', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const workspace = path.join(dir, 'w.tailor');
    const template = path.join(dir, 'birthday.mjml');
    fs.writeFileSync(
      template,
      "<mjml><mj-body><mj-section><mj-column><mj-text>{{ birth_date | date: '%B %-d' }}</mj-text></mj-column></mj-section></mj-body></mjml>",
    );
    expect((await cli(['init', workspace, '--demo'])).code).toBe(0);
    const exported = await cli([
      'export',
      workspace,
      '--template',
      template,
      '--esp',
      'mailchimp',
      '--out',
      path.join(dir, 'out'),
      '--json',
    ]);
    const { files } = JSON.parse(exported.stdout) as { files: { path: string }[] };
    const tag = /\*\|(D_[A-Z0-9_]+)\|\*/.exec(fs.readFileSync(files[0]?.path ?? '', 'utf8'))?.[1] ?? 'none';
    const csv = path.join(dir, 'a.csv');
    const args = ['audience', workspace, '--segment', 'High-value customers', '--esp', 'mailchimp', '--out', csv, '--json'];
    const columns = async (extra: string[]) => (JSON.parse((await cli([...args, ...extra])).stdout) as { columns: string[] }).columns;
    expect(await columns(['--template', template])).toContain(tag);
    expect(await columns([])).not.toContain(tag);
    // Four CLI runs on the demo, two of them audience jobs that start a thread of their own (with tsx's loader here).
  }, 90_000);
});
