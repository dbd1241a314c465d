import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/workspace/import';
import type { ImportEntityName } from '../../shared/contract/schemas';
import { freshWorkspace } from '../support/workspace-app';

const CUSTOMERS = [
  'email,first_name,phone,birth_date,age',
  'josé@exemple.fr,José,+33 6 12 34 56 78,1990-03-05,36',
  'maria@gmial.com,Maria,,1985-01-01,',
  'not-an-email,Bad,,2090-01-01,',
  'ok@example.com,Ok,12,,',
  '"=HYPERLINK(""http://x"")",Formula,,,',
].join('\n');

async function setup() {
  const { app, dir } = await freshWorkspace();
  const db = app.session.require().db;
  const write = (name: string, content: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const load = (entity: ImportEntityName, name: string, content: string) => importFile(db, entity, write(name, content));
  return { app, db, dir, write, load };
}

describe('validation during import', () => {
  it('imports flagged rows with their flags, rejects with every reason, and counts per rule', async () => {
    const { app, load } = await setup();
    const report = await load('customers', 'customers.csv', CUSTOMERS);
    expect(report.rowsImported).toBe(3);
    expect(report.rowsRejected).toBe(2);
    expect(report.rowsFlagged).toBe(2);
    expect(report.ruleCounts).toEqual(
      [
        { rule: 'email_syntax', label: 'Email syntax', flagged: 0, rejected: 2 },
        { rule: 'email_typo', label: 'Email domain typos', flagged: 1, rejected: 0 },
        { rule: 'future_dates', label: 'Future dates', flagged: 0, rejected: 0 },
        { rule: 'phone_validity', label: 'Phone validity', flagged: 1, rejected: 0 },
      ].filter((count) => count.flagged + count.rejected > 0),
    );
    const bad = report.rejections.find((rejection) => rejection.line === 4);
    expect(bad?.raw).toBe('not-an-email,Bad,,2090-01-01,');
    // The future birth date is a flag; the row is rejected for its email, and both findings are kept.
    expect(bad?.reasons.map((reason) => reason.rule)).toEqual(['email_syntax']);
    expect(bad?.reasons[0]?.message).toContain('"not-an-email" is not a valid email address');

    const flagged = await app.client.call('customers.list', { flaggedOnly: true });
    expect(flagged.rows.map((c) => c.email).sort()).toEqual(['maria@gmial.com', 'ok@example.com']);
    const all = await app.client.call('customers.list', {});
    expect(all.total).toBe(3);
    const maria = flagged.rows.find((c) => c.email === 'maria@gmial.com')!;
    expect(await app.client.call('customers.flags', { customerId: maria.id })).toEqual([
      expect.objectContaining({ rule: 'email_typo', label: 'Email domain typos', suggestion: 'maria@gmail.com' }),
    ]);
  });

  it('rejects a row with every reject reason at once', async () => {
    const { app, load } = await setup();
    await app.client.call('validation.setRule', { name: 'required_fields', action: 'reject', requiredFields: ['first_name', 'city'] });
    await app.client.call('validation.setRule', { name: 'future_dates', action: 'reject' });
    const report = await load('customers', 'c.csv', 'email,first_name,city,birth_date\nbad@@x,,,2091-02-02\n');
    expect(report.rowsRejected).toBe(1);
    expect(report.rejections[0]?.reasons.map((r) => r.rule)).toEqual([
      'email_syntax',
      'future_dates',
      'required_fields',
      'required_fields',
    ]);
    expect(report.rejections[0]?.reason).toContain('required field "city" is empty');
    expect(report.ruleCounts?.find((c) => c.rule === 'required_fields')).toMatchObject({ rejected: 1 });
  });

  it('toggling a rule changes what an import does', async () => {
    const { app, load } = await setup();
    const file = 'email,first_name\nmaria@gmial.com,Maria\nbad-address,Bad\n';
    const before = await load('customers', 'a.csv', file);
    expect([before.rowsImported, before.rowsRejected, before.rowsFlagged]).toEqual([1, 1, 1]);

    const rules = await app.client.call('validation.setRule', { name: 'email_syntax', action: 'flag' });
    expect(rules.find((rule) => rule.name === 'email_syntax')?.action).toBe('flag');
    await app.client.call('validation.setRule', { name: 'email_typo', action: 'reject' });
    const after = await load('customers', 'b.csv', file);
    expect([after.rowsImported, after.rowsRejected, after.rowsFlagged]).toEqual([1, 1, 1]);
    expect(after.rejections[0]?.line).toBe(2);

    await app.client.call('validation.setRule', { name: 'email_syntax', action: 'off' });
    await app.client.call('validation.setRule', { name: 'email_typo', action: 'off' });
    const off = await load('customers', 'c.csv', file);
    expect([off.rowsImported, off.rowsRejected, off.rowsFlagged]).toEqual([2, 0, 0]);
    expect((await app.client.call('validation.rules', {})).map((rule) => [rule.name, rule.action])).toContainEqual(['email_typo', 'off']);
  });

  it('rejects negative and non-numeric order amounts and flags future orders', async () => {
    const { load } = await setup();
    const report = await load(
      'orders',
      'orders.csv',
      'order_id,customer_email,ordered_at,total\nA1,a@example.com,2024-01-01,10\nA2,a@example.com,2024-01-02,-5\nA3,a@example.com,2024-01-03,ten\nA4,a@example.com,2099-01-01,3\n',
    );
    expect(report.rowsImported).toBe(2);
    expect(report.rejections.map((r) => [r.line, r.reasons[0]?.message])).toEqual([
      [3, 'amount "-5" is negative'],
      [4, 'amount "ten" is not a number'],
    ]);
    expect(report.ruleCounts).toEqual([
      { rule: 'amounts', label: 'Amounts', flagged: 0, rejected: 2 },
      { rule: 'future_dates', label: 'Future dates', flagged: 1, rejected: 0 },
    ]);
  });

  it('flags events in the future', async () => {
    const { load } = await setup();
    const report = await load('events', 'events.csv', 'customer_email,type,occurred_at\na@example.com,email_open,2099-05-01T10:00:00Z\n');
    expect(report.rowsImported).toBe(1);
    expect(report.ruleCounts).toEqual([{ rule: 'future_dates', label: 'Future dates', flagged: 1, rejected: 0 }]);
  });
});

describe('rejected rows as CSV', () => {
  it('round-trips: export, fix, re-import succeeds, flags clear when fixed', async () => {
    const { app, load } = await setup();
    const semicolons = CUSTOMERS.replaceAll(',', ';');
    const first = await load('customers', 'customers.csv', semicolons);
    expect(first.rowsRejected).toBe(2);

    const rejects = await app.client.call('imports.rejectsCsv', {});
    expect(rejects).toMatchObject({ importId: first.importId, fileName: 'customers-rejected.csv', rows: 2 });
    const lines = rejects.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Tailor: why rejected;email;first_name;phone;birth_date;age');
    expect(lines[1]).toMatch(/^"""not-an-email"" is not a valid email address.*;not-an-email;Bad;;2090-01-01;$/);
    // A formula cell gets the spreadsheet's text marker, which the customers import strips again.
    expect(lines[2]).toContain(`;"'=HYPERLINK(""http://x"")";Formula;`);

    // The user fixes the emails in the file, leaves the reasons column, and imports it again.
    const fixed = rejects.csv
      .replace('not-an-email;Bad', 'bad@example.com;Bad')
      .replace(`"'=HYPERLINK(""http://x"")"`, 'formula@example.com');
    const again = await load('customers', 'customers-rejected.csv', fixed);
    expect(again.rowsRejected).toBe(0);
    expect(again.rowsImported).toBe(2);
    expect(again.mapping.map((column) => column.header)).toEqual(['email', 'first_name', 'phone', 'birth_date', 'age']);
    const customers = await app.client.call('customers.list', { search: 'example.com' });
    expect(customers.rows.map((c) => c.email)).toContain('bad@example.com');
    // The reasons column is not imported as an attribute.
    expect(customers.rows.find((c) => c.email === 'bad@example.com')?.attributes).toEqual({});
    expect((await app.client.call('customers.fields', {})).map((field) => field.label)).not.toContain('Tailor: why rejected');

    // A row still wrong in the fixed file is rejected again and exported without its old reasons cell.
    const stillBad = rejects.csv.replace(`"'=HYPERLINK(""http://x"")"`, 'formula@example.com');
    const third = await load('customers', 'still.csv', stillBad);
    expect(third.rowsRejected).toBe(1);
    const again2 = await app.client.call('imports.rejectsCsv', { importId: third.importId });
    expect(again2.csv.split('\r\n')[0]).toBe('Tailor: why rejected;email;first_name;phone;birth_date;age');
    expect(again2.csv.split('\r\n')[1]).toMatch(/;not-an-email;Bad;;2090-01-01;$/);
  });

  it('orders round-trip too, their cells unchanged (a "-5" amount stays a number to fix, not text)', async () => {
    const { app, load } = await setup();
    const first = await load(
      'orders',
      'orders.csv',
      'order_id;customer_email;ordered_at;total\nA1;a@example.com;2024-01-01;-5\nA2;a@example.com;2024-01-02;7\n',
    );
    expect(first.rowsRejected).toBe(1);
    const rejects = await app.client.call('imports.rejectsCsv', { importId: first.importId });
    expect(rejects.csv).toBe(
      'Tailor: why rejected;order_id;customer_email;ordered_at;total\r\n"amount ""-5"" is negative";A1;a@example.com;2024-01-01;-5\r\n',
    );
    const again = await load('orders', 'orders-rejected.csv', rejects.csv.replace(';-5\r\n', ';5\r\n'));
    expect([again.rowsImported, again.rowsRejected]).toEqual([1, 0]);
  });

  it('re-importing a fixed row clears its flag', async () => {
    const { app, load } = await setup();
    await load('customers', 'a.csv', 'id,email\nc1,maria@gmial.com\n');
    expect((await app.client.call('customers.list', { flaggedOnly: true })).total).toBe(1);
    await load('customers', 'b.csv', 'id,email\nc1,maria@gmail.com\n');
    expect((await app.client.call('customers.list', { flaggedOnly: true })).total).toBe(0);
    expect(await app.client.call('customers.flags', { customerId: 'c1' })).toEqual([]);
  });
});
