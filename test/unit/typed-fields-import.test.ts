import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import type { FieldInfo } from '../../shared/contract/schemas';
import { freshWorkspace } from '../support/workspace-app';

let dir: string;

async function workspace(): Promise<TailorApp> {
  const fresh = await freshWorkspace();
  dir = fresh.dir;
  return fresh.app;
}

async function importCsv(tailor: TailorApp, name: string, text: string): Promise<void> {
  const csv = path.join(dir, name);
  fs.writeFileSync(csv, text);
  const { jobId } = await tailor.client.call('imports.start', { path: csv });
  expect(await tailor.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });
}

async function fields(tailor: TailorApp): Promise<Record<string, FieldInfo>> {
  const list = await tailor.client.call('customers.fields', {});
  return Object.fromEntries(list.map((field) => [field.key, field]));
}

async function render(tailor: TailorApp, customer: string, source: string) {
  const result = await tailor.client.call('render.customer', { template: { name: 't', source }, customer });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

const SPENT_AND_VIP = '{% if total_spent > 100 %}big{% endif %}|{% if vip %}VIP{% endif %}';

describe('typed fields through the import', () => {
  it('a German file: decimal-comma amounts compare as numbers, "nein" is false', async () => {
    const tailor = await workspace();
    await importCsv(
      tailor,
      'de.csv',
      [
        'Kundennummer;E-Mail;Vorname;total_spent;vip',
        'C1;anna@example.de;Anna;1.234,00;nein',
        'C2;bernd@example.de;Bernd;99,50;ja',
        'C3;clara@example.de;Clara;12,00;nein',
      ].join('\n') + '\n',
    );
    const byKey = await fields(tailor);
    expect(['number', 'money']).toContain(byKey.total_spent?.type);
    expect(byKey.vip?.type).toBe('boolean');
    expect(byKey.email?.type).toBe('email');

    const anna = await render(tailor, 'C1', SPENT_AND_VIP);
    expect(anna.html).toBe('big|');
    expect((await render(tailor, 'C2', SPENT_AND_VIP)).html).toBe('|VIP');
    // The token list shows the values as imported.
    expect(anna.tokens).toEqual(
      expect.arrayContaining([
        { name: 'total_spent', value: '1.234,00', missing: false },
        { name: 'vip', value: 'nein', missing: false },
      ]),
    );
  });

  it('a US file: "1,234.00" is more than 100, "false" is false', async () => {
    const tailor = await workspace();
    await importCsv(
      tailor,
      'us.csv',
      'id,email,total_spent,vip\nU1,ann@example.com,"1,234.00",false\nU2,bob@example.com,80.25,true\nU3,cy@example.com,"2,000.50",false\n',
    );
    expect((await fields(tailor)).vip?.type).toBe('boolean');
    expect((await render(tailor, 'U1', SPENT_AND_VIP)).html).toBe('big|');
    expect((await render(tailor, 'U2', SPENT_AND_VIP)).html).toBe('|VIP');
  });

  it('day-first dates: a column with 13/04/1990 reads 05/03/1990 as 5 March, canonical and custom alike', async () => {
    const tailor = await workspace();
    await importCsv(
      tailor,
      'dates.csv',
      'id,email,Birthday,signup_date\nD1,d1@example.com,05/03/1990,05/03/2020\nD2,d2@example.com,13/04/1990,13/04/2020\nD3,d3@example.com,01/12/1985,01/12/2021\n',
    );
    const byKey = await fields(tailor);
    expect(byKey.birth_date?.type).toBe('date');
    expect(byKey.signup_date?.type).toBe('date');
    const result = await render(tailor, 'D1', '{{ birth_date | date: "%B %d" }}|{{ signup_date | date: "%B %d, %Y" }}');
    expect(result.html).toBe('March 05|March 05, 2020');
    expect(result.tokens).toContainEqual({ name: 'birth_date', value: '05/03/1990', missing: false });
  });

  it('a column of numbers with a word among few values stays text, and nothing breaks', async () => {
    const tailor = await workspace();
    await importCsv(tailor, 'mixed.csv', 'id,email,score\nM1,m1@example.com,120\nM2,m2@example.com,n/a\nM3,m3@example.com,7\n');
    expect((await fields(tailor)).score?.type).toBe('text');
    expect((await render(tailor, 'M2', '[{{ score }}]{% if score > 100 %}high{% endif %}')).html).toBe('[n/a]');
  });

  it('a number column with one stray word is a number; the word reaches Liquid as its text', async () => {
    const tailor = await workspace();
    const rows = Array.from({ length: 20 }, (_, i) => `N${i},n${i}@example.com,${i * 10}`);
    await importCsv(tailor, 'mostly.csv', `id,email,points\n${rows.join('\n')}\nNX,nx@example.com,unknown\n`);
    expect((await fields(tailor)).points?.type).toBe('number');
    expect((await render(tailor, 'N15', '{{ points | json }}')).html).toBe('150');
    expect((await render(tailor, 'NX', '{{ points | json }}')).html).toBe('"unknown"');
  });

  it('a later import whose column disagrees leaves the field text, with a warning', async () => {
    const tailor = await workspace();
    await importCsv(tailor, 'a.csv', 'id,email,vip\nA1,a1@example.com,yes\nA2,a2@example.com,no\n');
    expect((await fields(tailor)).vip?.type).toBe('boolean');
    await importCsv(tailor, 'b.csv', 'id,email,vip\nB1,b1@example.com,gold\nB2,b2@example.com,silver\nB3,b3@example.com,bronze\n');
    const vip = (await fields(tailor)).vip;
    expect(vip?.type).toBe('text');
    expect(vip?.typeWarning).toContain('b.csv');
    // "no" is text again, so it is truthy, as it was before fields had types; nothing is misread.
    expect((await render(tailor, 'A2', '{% if vip %}[{{ vip }}]{% endif %}')).html).toBe('[no]');
  });

  it('a date field stays a date when a file in another locale writes its dates unambiguously', async () => {
    const tailor = await workspace();
    await importCsv(
      tailor,
      'de.csv',
      'id;email;total_spent;signup_date\nG1;g1@example.de;1.234,00;2020-03-05\nG2;g2@example.de;99,50;2021-11-30\n',
    );
    await importCsv(
      tailor,
      'us.csv',
      'id,email,total_spent,signup_date\nU1,u1@example.com,"2,345.00",2022-04-01\nU2,u2@example.com,12,2022-07-13\n',
    );
    const byKey = await fields(tailor);
    expect(byKey.signup_date).toMatchObject({ type: 'date', typeWarning: null });
    expect(['number', 'money']).toContain(byKey.total_spent?.type);
    expect((await render(tailor, 'G1', '{{ signup_date | date: "%B %d" }}|{% if total_spent > 1000 %}big{% endif %}')).html).toBe(
      'March 05|big',
    );
    expect((await render(tailor, 'U1', '{% if total_spent > 1000 %}big{% endif %}')).html).toBe('big');
  });

  it('a later file whose ambiguous dates read the other way turns the field to text, naming the value', async () => {
    const tailor = await workspace();
    await importCsv(tailor, 'eu.csv', 'id,email,signup_date\nE1,e1@example.com,13/04/2020\nE2,e2@example.com,05/03/2020\n');
    expect((await fields(tailor)).signup_date?.type).toBe('date');
    await importCsv(tailor, 'us.csv', 'id,email,signup_date\nU1,u1@example.com,04/13/2021\nU2,u2@example.com,05/03/2021\n');
    const field = (await fields(tailor)).signup_date;
    expect(field?.type).toBe('text');
    expect(field?.typeWarning).toMatch(/us\.csv.*05\/03\/2021/);
  });

  it('a wide file is typed column by column in several passes', async () => {
    const tailor = await workspace();
    const keys = Array.from({ length: 150 }, (_, i) => `c${i}`);
    const row = (n: number) => keys.map((_, i) => (i % 2 === 0 ? String(n * 10 + i) : n % 2 === 0 ? 'ja' : 'nein')).join(',');
    await importCsv(tailor, 'wide.csv', `id,email,${keys.join(',')}\nW1,w1@example.com,${row(1)}\nW2,w2@example.com,${row(2)}\n`);
    const byKey = await fields(tailor);
    expect(keys.map((key) => byKey[key]?.type)).toEqual(keys.map((_, i) => (i % 2 === 0 ? 'number' : 'boolean')));
  });

  it('previews and exports pass the types along too', async () => {
    const tailor = await workspace();
    await importCsv(tailor, 'p.csv', 'id,email,total_spent\nP1,p1@example.com,"1,234.00"\n');
    await tailor.client.call('personas.save', { label: 'Big spender', source: { kind: 'customer', customerId: 'P1' } });
    const source = '<p>{% if total_spent > 100 %}big{% else %}small{% endif %}</p>';
    const preview = await tailor.client.call('preview.render', { source });
    expect(preview.previews[0]?.html).toBe('<p>big</p>');
    const exported = await tailor.client.call('export.run', { template: { name: 'Spend', source }, dir: path.join(dir, 'out') });
    const persona = exported.files.find((file) => file.kind === 'persona');
    expect(fs.readFileSync(persona?.path ?? '', 'utf8')).toContain('big');
  });
});
