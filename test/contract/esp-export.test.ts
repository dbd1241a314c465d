import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { finishAndCheck } from '../../electron/services/esp/round-trip';
import type { TailorApp } from '../../electron/services/app';
import { ContractError } from '../../shared/contract/envelope';
import type { Customer } from '../../shared/contract/schemas';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

const TEMPLATE = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hi {{ first_name | default: 'there' }}!</mj-text>
<mj-text>{% if loyalty_tier == 'Gold' %}Gold perks{% else %}Join us{% endif %}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

/** A workspace with these customers, a "Gold members" segment, and a customer persona per [label, id]. */
async function goldWorkspace(csvName: string, rows: string[], personas: [string, string][]) {
  const { app, dir } = await freshWorkspace();
  const file = path.join(dir, csvName);
  fs.writeFileSync(file, rows.join('\n') + '\n');
  await importThroughApp(app, file, 'customers');
  const gold = await app.client.call('segments.save', {
    name: 'Gold members',
    rule: { match: 'all', conditions: [{ field: 'loyalty_tier', op: 'equals', value: 'Gold' }] },
  });
  for (const [label, customerId] of personas) await app.client.call('personas.save', { label, source: { kind: 'customer', customerId } });
  return { app, dir, gold };
}

function workspace() {
  return goldWorkspace(
    'c.csv',
    [
      'id,email,first_name,loyalty_tier,city',
      'C1,ada@example.com,Ada,Gold,"=HYPERLINK(""http://evil.example"")"',
      'C2,bob@example.com,,Silver,@SUM(1)',
      'C3,cy@example.com,Cy,Gold,Bern',
    ],
    [
      ['Ada', 'C1'],
      ['No name', 'C2'],
    ],
  );
}

describe('ESP field maps, saved per workspace', () => {
  it('lists every token with the default name, marks what the template reads, and saves, refuses and resets names', async () => {
    const { app } = await workspace();
    const map = await app.client.call('esp.fieldMap', { esp: 'mailchimp', template: { name: 't', source: TEMPLATE } });
    const byToken = Object.fromEntries(map.entries.map((entry) => [entry.token, entry]));
    expect(byToken.first_name).toMatchObject({ attribute: 'FNAME', kind: 'field', used: true, saved: false });
    expect(byToken.city).toMatchObject({ used: false });
    expect(byToken['segment:Gold members']).toMatchObject({ kind: 'segment' });
    expect(byToken.rfm_tier).toMatchObject({ kind: 'score' });

    const saved = await app.client.call('esp.saveFieldMap', { esp: 'mailchimp', entries: [{ token: 'first_name', attribute: 'GIVEN' }] });
    expect(saved.entries.find((entry) => entry.token === 'first_name')).toMatchObject({ attribute: 'GIVEN', saved: true });
    // Other ESPs keep their own names.
    const braze = await app.client.call('esp.fieldMap', { esp: 'braze' });
    expect(braze.entries.find((entry) => entry.token === 'first_name')?.attribute).toBe('first_name');

    await expect(
      app.client.call('esp.saveFieldMap', { esp: 'mailchimp', entries: [{ token: 'city', attribute: 'not a tag' }] }),
    ).rejects.toThrow(/merge tag/);
    await expect(
      app.client.call('esp.saveFieldMap', { esp: 'mailchimp', entries: [{ token: 'city', attribute: 'GIVEN' }] }),
    ).rejects.toThrow(ContractError);
    const reset = await app.client.call('esp.saveFieldMap', { esp: 'mailchimp', entries: [{ token: 'first_name', attribute: null }] });
    expect(reset.entries.find((entry) => entry.token === 'first_name')).toMatchObject({ attribute: 'FNAME', saved: false });
  });
});

describe('ESP preview and export', () => {
  it('converts, lists the attributes, and round-trips every persona; the export writes what was checked', async () => {
    const { app, dir } = await workspace();
    await app.client.call('esp.saveFieldMap', { esp: 'mailchimp', entries: [{ token: 'first_name', attribute: 'GIVEN' }] });
    const preview = await app.client.call('esp.preview', { template: { name: 't', source: TEMPLATE }, esp: 'mailchimp' });
    expect(preview.source).toContain('*|GIVEN|*');
    expect(preview.original).toContain('{{ first_name');
    expect(preview.roundTrip).toMatchObject({ esp: 'mailchimp', ok: true });
    expect(preview.roundTrip.personas.map((p) => p.label)).toEqual(['Ada', 'No name']);

    const result = await app.client.call('esp.export', {
      template: { name: 'Welcome', source: TEMPLATE },
      esp: 'sfmc',
      dir: path.join(dir, 'out'),
      folder: 'welcome-sfmc',
      minify: true,
    });
    expect(result.roundTrip.ok).toBe(true);
    const html = fs.readFileSync(path.join(dir, 'out', 'welcome-sfmc', 'welcome-sfmc.html'), 'utf8');
    expect(html).toContain('AttributeValue(');
    expect(html).not.toContain('{{');
    expect(result.files.map((file) => path.basename(file.path))).toEqual(['welcome-sfmc.html', 'welcome-sfmc.txt']);
  });

  it('the round-trip check lists what the ESP would show differently, and what its evaluator cannot read', async () => {
    const { app } = await workspace();
    const db = app.session.require().db;
    const customer = (id: string) => db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as Customer;
    const ada = { ...customer('C1'), attributes: { loyalty_tier: 'Gold' } } as Customer;
    const personas = [{ label: 'Ada', customer: ada }];
    const fieldMap = { first_name: 'FNAME', loyalty_tier: 'LOYALTY' };
    const source =
      '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ first_name }}, {{ loyalty_tier }}</mj-text></mj-column></mj-section></mj-body></mjml>';
    const roundTrip = async (exported: string) =>
      (await finishAndCheck({ esp: 'mailchimp', template: source, converted: exported, minify: false, fieldMap, personas, fields: {} }))
        .report;
    const right = await roundTrip('<p>Hi *|FNAME|*, *|LOYALTY|*</p>');
    expect(right.ok).toBe(true);
    const wrong = await roundTrip('<p>Hi *|FNAME|*, *|TIER|*</p>');
    expect(wrong.ok).toBe(false);
    expect(wrong.personas[0]?.differences).toEqual([{ expected: 'Hi Ada, Gold', actual: 'Hi Ada,' }]);
    const unread = await roundTrip('<p>*|IF:FNAME|*open</p>');
    expect(unread.personas[0]?.problem).toMatch(/END:IF/);
  });
});

/** The audience through its job, as the Segments view and the CLI run it: the outcome and the file's text (BOM dropped). */
async function audience(
  app: TailorApp,
  dir: string,
  input: {
    segment: number | string;
    esp: 'braze' | 'klaviyo' | 'hubspot' | 'sfmc' | 'mailchimp';
    template?: { name: string; source: string };
  },
) {
  const out = path.join(dir, `audience-${Math.random().toString(36).slice(2)}.csv`);
  const { jobId } = await app.client.call('esp.audienceStart', { ...input, out });
  const job = await app.jobs.settle(jobId);
  if (job.kind !== 'esp.audience' || job.status !== 'succeeded' || !job.result) throw new Error(`audience failed: ${job.message}`);
  const text = fs.readFileSync(out, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { ...job.result, csv: text.slice(1) };
}

describe('audience CSV', () => {
  it("a segment's members under the ESP's names, segments as true/false, formulas neutralised and every cell quoted", async () => {
    const { app, dir, gold } = await workspace();
    await app.client.call('esp.saveFieldMap', { esp: 'hubspot', entries: [{ token: 'loyalty_tier', attribute: 'tier' }] });
    const result = await audience(app, dir, { segment: gold.id, esp: 'hubspot' });
    expect(result.segment).toEqual({ id: gold.id, name: 'Gold members' });
    expect(result.rows).toBe(2);
    expect(result.columns).toEqual(expect.arrayContaining(['firstname', 'email', 'tier', 'city', 'tailor_segment_gold_members']));
    expect(result.neutralised).toBe(1);
    const rows = Papa.parse<Record<string, string>>(result.csv, { header: true, skipEmptyLines: true }).data;
    const ada = rows.find((row) => row.email === 'ada@example.com');
    expect(ada).toMatchObject({
      firstname: 'Ada',
      tier: 'Gold',
      city: `'=HYPERLINK("http://evil.example")`,
      tailor_segment_gold_members: 'true',
    });
    expect(result.csv.split('\r\n')[0]).toMatch(/^"[^"]+"(,"[^"]+")*$/);

    const byName = await audience(app, dir, { segment: 'gold MEMBERS', esp: 'mailchimp' });
    expect(byName.columns).toContain('FNAME');
    await expect(app.client.call('esp.audienceStart', { segment: 'Nobody', esp: 'braze', out: path.join(dir, 'x.csv') })).rejects.toThrow(
      /No segment "Nobody"/,
    );
  });

  it('plans the columns (ESP names) and the row count before writing', async () => {
    const { app, gold } = await workspace();
    const plan = await app.client.call('esp.audiencePlan', { segment: gold.id, esp: 'mailchimp' });
    expect(plan).toMatchObject({ esp: 'mailchimp', segment: { id: gold.id, name: 'Gold members' }, rows: 2 });
    expect(plan.columns).toEqual(expect.arrayContaining([{ token: 'first_name', attribute: 'FNAME', kind: 'field' }]));
    expect(plan.columns.find((c) => c.token === 'segment:Gold members')).toMatchObject({ kind: 'segment' });
  });

  it('never writes over an existing file unless asked, nor over the workspace', async () => {
    const { app, dir, gold } = await workspace();
    const out = path.join(dir, 'taken.csv');
    fs.writeFileSync(out, 'mine');
    await expect(app.client.call('esp.audienceStart', { segment: gold.id, esp: 'braze', out })).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    await expect(
      app.client.call('esp.audienceStart', { segment: gold.id, esp: 'braze', out: path.join(dir, 'w.tailor'), replace: true }),
    ).rejects.toThrow(/workspace/);
    const { jobId } = await app.client.call('esp.audienceStart', { segment: gold.id, esp: 'braze', out, replace: true });
    expect((await app.jobs.settle(jobId)).status).toBe('succeeded');
    expect(fs.readFileSync(out, 'utf8')).toContain('external_id');
  });

  it('a cancelled export leaves no file behind, not even a partial one', async () => {
    const { app, dir } = await freshWorkspace();
    const file = path.join(dir, 'many.csv');
    const lines = ['id,email,first_name'];
    for (let i = 0; i < 6_000; i++) lines.push(`C${i},c${i}@example.com,Name ${i}`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    await importThroughApp(app, file, 'customers');
    const everyone = await app.client.call('segments.save', {
      name: 'Everyone',
      rule: { match: 'all', conditions: [{ field: 'email', op: 'contains', value: '@' }] },
    });
    const out = path.join(dir, 'everyone.csv');
    let jobId = '';
    const cancelled = new Promise<void>((resolve) => {
      const stop = app.events.subscribe((event) => {
        if (event.type === 'job' && event.job.id === jobId && event.job.progress.rows > 0) {
          void app.client.call('jobs.cancel', { jobId });
          stop();
          resolve();
        }
      });
    });
    ({ jobId } = await app.client.call('esp.audienceStart', { segment: everyone.id, esp: 'klaviyo', out }));
    await cancelled;
    const job = await app.jobs.settle(jobId);
    expect(job.status).toBe('cancelled');
    expect(job.kind === 'esp.audience' && job.result?.path).toBe(null);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});

describe('derived attributes (values Mailchimp cannot compute)', () => {
  const DERIVED = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Born {{ birth_date | date: '%B %-d' }}; {{ 1000 | minus: loyalty_points }} points to go.</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

  function loyaltyWorkspace() {
    return goldWorkspace(
      'loyalty.csv',
      [
        'id,email,first_name,birth_date,loyalty_points,loyalty_tier',
        'C1,ada@example.com,Ada,1990-03-07,250,Gold',
        'C2,bob@example.com,Bob,,1200,Gold',
      ],
      [
        ['Ada', 'C1'],
        ['Bob', 'C2'],
      ],
    );
  }

  it('the export reads derived tags and the round trip passes with the values the audience carries', async () => {
    const { app } = await loyaltyWorkspace();
    const preview = await app.client.call('esp.preview', { template: { name: 'Loyalty', source: DERIVED }, esp: 'mailchimp' });
    const derived = preview.attributes.filter((a) => a.expression !== undefined);
    expect(derived.map((a) => a.expression)).toEqual(["birth_date | date: '%B %-d'", '1000 | minus: loyalty_points']);
    for (const a of derived) expect(preview.source).toContain(`*|${a.attribute}|*`);
    expect(preview.warnings.filter((w) => w.level === 'info')).toHaveLength(2);
    expect(preview.roundTrip).toMatchObject({ esp: 'mailchimp', ok: true });
  });

  it('the audience CSV for a template carries each derived column, rendered per contact by Tailor', async () => {
    const { app, dir, gold } = await loyaltyWorkspace();
    const template = { name: 'Loyalty', source: DERIVED };
    const preview = await app.client.call('esp.preview', { template, esp: 'mailchimp' });
    const [birthday, togo] = preview.attributes.filter((a) => a.expression !== undefined).map((a) => a.attribute);
    const withTemplate = await audience(app, dir, { segment: gold.id, esp: 'mailchimp', template });
    expect(withTemplate.columns).toEqual(expect.arrayContaining([birthday, togo, 'FNAME']));
    const rows = Papa.parse<Record<string, string>>(withTemplate.csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.find((row) => row.FNAME === 'Ada')).toMatchObject({ [birthday ?? '']: 'March 7', [togo ?? '']: '750' });
    // A missing birthday prints nothing, as in the preview; a negative number stays a plain number.
    expect(rows.find((row) => row.FNAME === 'Bob')).toMatchObject({ [birthday ?? '']: '', [togo ?? '']: '-200' });

    const plain = await audience(app, dir, { segment: gold.id, esp: 'mailchimp' });
    expect(plain.columns).not.toContain(birthday);
  });
});
