import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import { freshWorkspace } from '../support/workspace-app';

const EXPORTS = path.resolve(__dirname, '../fixtures/csv/exports');

async function importFixture(tailor: TailorApp, file: string): Promise<void> {
  const { jobId } = await tailor.client.call('imports.start', { path: path.join(EXPORTS, file) });
  expect(await tailor.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });
}

/** A customer's stored row: the text as imported and the typed JSON beside it. */
function stored(tailor: TailorApp, where: string, ...params: string[]) {
  const row = tailor.session
    .require()
    .db.prepare(`SELECT id, phone, birth_date, country, attributes, typed FROM customers WHERE ${where}`)
    .get(...params) as { id: string; phone: string; birth_date: string; country: string; attributes: string; typed: string | null };
  return {
    ...row,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    typed: JSON.parse(row.typed ?? '{}') as Record<string, unknown>,
  };
}

const amountOf = (value: unknown): unknown => (value && typeof value === 'object' && 'amount' in value ? value.amount : value);

describe('typed values in storage', () => {
  it('a German Excel file: amounts, dates, phones and countries stored typed, the text kept', async () => {
    const { app } = await freshWorkspace();
    await importFixture(app, 'excel-de-windows-1252.csv');
    const jurgen = stored(app, 'email = ?', 'juergen.mueller@example.de');
    expect(amountOf(jurgen.typed.umsatz)).toBe(1234);
    expect(jurgen.attributes.umsatz).toBe('1.234,00');
    expect(jurgen.typed.birth_date).toBe('1980-12-24');
    expect(jurgen.birth_date).toBe('24.12.1980');
    expect(jurgen.typed.country).toEqual({ code: 'DE', name: 'Deutschland' });
    const grete = stored(app, 'email = ?', 'grete.weiss@example.de');
    expect(grete.typed.phone).toBe('+49221123456');
    expect(grete.phone).toBe('0221 123456');
    expect(amountOf(grete.typed.umsatz)).toBe(99.9);

    const liquid = await app.client.call('render.customer', {
      template: { name: 't', source: '{% if umsatz > 100 %}big{% else %}small{% endif %}' },
      customer: jurgen.id,
    });
    expect(liquid.html).toBe('big');
  });

  it('Liquid reads the stored typed value, not the text', async () => {
    const { app } = await freshWorkspace();
    await importFixture(app, 'excel-de-windows-1252.csv');
    const jurgen = stored(app, 'email = ?', 'juergen.mueller@example.de');
    const source = { name: 't', source: '{% if umsatz > 100 %}big{% else %}small{% endif %}' };
    // Change only the stored typed value: a renderer that parsed the text on read would still say "big".
    const db = app.session.require().db;
    const path = typeof jurgen.typed.umsatz === 'object' ? '$.umsatz.amount' : '$.umsatz';
    db.prepare('UPDATE customers SET typed = json_set(typed, ?, 5) WHERE id = ?').run(path, jurgen.id);
    expect((await app.client.call('render.customer', { template: source, customer: jurgen.id })).html).toBe('small');
  });

  it('a Shopify export: booleans as JSON booleans, money as numbers, text fields untouched', async () => {
    const { app } = await freshWorkspace();
    await importFixture(app, 'shopify-customers.csv');
    const karine = stored(app, 'email = ?', 'karine.ruby@example.com');
    expect(karine.typed.accepts_email_marketing).toBe(true);
    expect(karine.typed.tax_exempt).toBe(false);
    expect(amountOf(karine.typed.total_spent)).toBe(1234.5);
    expect(amountOf(karine.typed.total_orders)).toBe(7);
    expect(karine.typed).not.toHaveProperty('note');
    expect(karine.attributes.total_spent).toBe('1,234.50');
    const db = app.session.require().db;
    expect(db.prepare(`SELECT json_type(typed, '$.accepts_email_marketing') FROM customers WHERE id = ?`).pluck().get(karine.id)).toBe(
      'true',
    );
  });

  it('a field turned to text by a disagreeing import loses its typed values everywhere', async () => {
    const { app, dir } = await freshWorkspace();
    const fs = await import('node:fs');
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    for (const file of [
      write('a.csv', 'id,email,vip\nA1,a1@example.com,yes\nA2,a2@example.com,no\n'),
      write('b.csv', 'id,email,vip\nB1,b1@example.com,gold\nB2,b2@example.com,silver\nB3,b3@example.com,bronze\n'),
    ]) {
      const { jobId } = await app.client.call('imports.start', { path: file });
      await app.jobs.settle(jobId);
    }
    expect(stored(app, 'id = ?', 'A1').typed).not.toHaveProperty('vip');
  });
});

describe('a workspace typed before values were stored', () => {
  it('gets its typed values computed on first open', async () => {
    const { openDatabase } = await import('../../electron/workspace/db');
    const { tempDir } = await import('../support/temp');
    const file = path.join(tempDir(), 'old.tailor');
    const db = openDatabase(file, { create: true });
    // What a schema-5 workspace looks like after migration 6: typed fields, no stored values, backfill asked for.
    db.exec(`
      INSERT INTO customer_fields (key, label, created_at, type, locale)
        VALUES ('spent', 'Spent', '2026-01-01', 'number', '{"decimalSeparator":",","thousandsSeparator":".","dateOrder":"day-first"}');
      INSERT INTO customers (id, email, attributes, created_at, updated_at)
        VALUES ('O1', 'o1@example.de', '{"spent":"1.234,50"}', '2026-01-01', '2026-01-01');
      UPDATE typed_state SET backfill = 1;`);
    db.close();
    const reopened = openDatabase(file, { create: false });
    try {
      expect(reopened.prepare(`SELECT json_extract(typed, '$.spent') FROM customers WHERE id = 'O1'`).pluck().get()).toBe(1234.5);
      expect(reopened.prepare('SELECT backfill FROM typed_state').pluck().get()).toBe(0);
    } finally {
      reopened.close();
    }
  });
});
