import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import { ContractError } from '../../shared/contract/envelope';
import type { Job } from '../../shared/contract/schemas';
import { freshWorkspace } from '../support/workspace-app';

async function workspaceWith(csv: string): Promise<TailorApp> {
  const { app, dir } = await freshWorkspace();
  const file = path.join(dir, 'people.csv');
  fs.writeFileSync(file, csv);
  const { jobId } = await app.client.call('imports.start', { path: file });
  expect(await app.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });
  return app;
}

async function retype(app: TailorApp, input: Parameters<TailorApp['client']['call']>[1] & object): Promise<Job> {
  const { jobId } = await app.client.call('customers.setFieldType', input as { key: string; type: 'number' });
  return app.jobs.settle(jobId);
}

const typedOf = (app: TailorApp, id: string): Record<string, unknown> =>
  JSON.parse(
    (app.session.require().db.prepare('SELECT typed FROM customers WHERE id = ?').pluck().get(id) as string | null) ?? '{}',
  ) as Record<string, unknown>;

async function fieldInfo(app: TailorApp, key: string) {
  return (await app.client.call('customers.fields', {})).find((field) => field.key === key);
}

describe('changing a field type re-types its stored values', () => {
  it("a field changed to phone reads each national number in its row's country", async () => {
    const app = await workspaceWith(
      'id,email,country,contact\nP1,p1@example.com,France,06 12 34 56 78\nP2,p2@example.com,Belgium,0470 12 34 56\n',
    );
    const job = await retype(app, { key: 'contact', type: 'phone' });
    expect(job).toMatchObject({ status: 'succeeded' });
    expect(typedOf(app, 'P1').contact).toBe('+33612345678');
    expect(typedOf(app, 'P2').contact).toBe('+32470123456');
  });

  it('text to number: values re-read, the ones that do not parse counted with examples, segments follow', async () => {
    const app = await workspaceWith('id,email,score\nM1,m1@example.com,120\nM2,m2@example.com,n/a\nM3,m3@example.com,7\n');
    expect((await fieldInfo(app, 'score'))?.type).toBe('text');
    expect(typedOf(app, 'M1')).not.toHaveProperty('score');

    const job = await retype(app, { key: 'score', type: 'number' });
    expect(job).toMatchObject({ kind: 'fields.retype', status: 'succeeded' });
    expect(job.result).toMatchObject({ parsed: 2, failed: 1, examples: [{ id: 'M2', text: 'n/a' }] });
    expect(typedOf(app, 'M1').score).toBe(120);
    expect(typedOf(app, 'M2')).not.toHaveProperty('score');
    const info = await fieldInfo(app, 'score');
    expect(info?.type).toBe('number');
    expect(info?.typeWarning).toContain('1 value did not read as number');
    const { rows } = await app.client.call('customers.list', {
      rule: { match: 'all', conditions: [{ field: 'score', op: 'gt', value: '100' }] },
    });
    expect(rows.map((row) => row.id)).toEqual(['M1']);
    // Liquid follows the stored values too.
    const rendered = await app.client.call('render.customer', {
      template: { name: 't', source: '{% if score > 100 %}high{% endif %}' },
      customer: 'M1',
    });
    expect(rendered.html).toBe('high');

    await retype(app, { key: 'score', type: 'text' });
    expect(typedOf(app, 'M1')).not.toHaveProperty('score');
    expect((await fieldInfo(app, 'score'))?.type).toBe('text');
  });

  it('a locale change re-reads the values: "1.234" with a decimal comma is 1234', async () => {
    const app = await workspaceWith('id,email,amount\nA1,a1@example.com,1.234\nA2,a2@example.com,2.5\nA3,a3@example.com,10\n');
    await retype(app, { key: 'amount', type: 'number', locale: { decimalSeparator: '.' } });
    expect(typedOf(app, 'A1').amount).toBe(1.234);
    await retype(app, { key: 'amount', type: 'number', locale: { decimalSeparator: ',' } });
    expect(typedOf(app, 'A1').amount).toBe(1234);
    // "2.5" is no thousands group: a decimal in either locale.
    expect(typedOf(app, 'A2').amount).toBe(2.5);
  });

  it('a built-in field keeps its type, and an unknown field is refused before any job starts', async () => {
    const app = await workspaceWith('id,email\nB1,b1@example.com\n');
    await expect(app.client.call('customers.setFieldType', { key: 'email', type: 'number' })).rejects.toThrow(ContractError);
    await expect(app.client.call('customers.setFieldType', { key: 'nope', type: 'number' })).rejects.toThrow(/No field "nope"/);
  });
});

describe('the customers list sorts by type', () => {
  it('money sorts numerically, not as text, both ways; column filters compare by type', async () => {
    const app = await workspaceWith(
      'id,email,total_spent\nU1,u1@example.com,"1,234.00"\nU2,u2@example.com,80.25\nU3,u3@example.com,"2,000.50"\nU4,u4@example.com,9\n',
    );
    const ids = async (direction: 'asc' | 'desc') =>
      (await app.client.call('customers.list', { sort: { field: 'total_spent', direction } })).rows.map((row) => row.id);
    // As text the order would be "1,234.00", "2,000.50", "80.25", "9".
    expect(await ids('asc')).toEqual(['U4', 'U2', 'U1', 'U3']);
    expect(await ids('desc')).toEqual(['U3', 'U1', 'U2', 'U4']);
    const filtered = await app.client.call('customers.list', {
      filters: [{ field: 'total_spent', op: 'gt', value: '100' }],
      sort: { field: 'total_spent', direction: 'asc' },
    });
    expect(filtered).toMatchObject({ total: 2 });
    expect(filtered.rows.map((row) => row.id)).toEqual(['U1', 'U3']);
    await expect(app.client.call('customers.list', { sort: { field: "x' OR 1", direction: 'asc' } })).rejects.toThrow(/Cannot sort/);
  });
});

describe('a cancelled type change', () => {
  it('puts the old type back and leaves no value typed the new way', async () => {
    const { app } = await freshWorkspace();
    const { db } = app.session.require();
    // More customers than one slice, so the cancel lands between slices.
    db.exec(`
      INSERT INTO customer_fields (key, label, created_at) VALUES ('score', 'Score', '2026-01-01');
      WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < 50000)
      INSERT INTO customers (id, email, attributes, created_at, updated_at)
      SELECT printf('S%06d', i), printf('s%06d@example.com', i), json_object('score', CAST(i AS TEXT)), '2026-01-01', '2026-01-01' FROM seq;`);
    const { jobId } = await app.client.call('customers.setFieldType', { key: 'score', type: 'number' });
    await app.client.call('jobs.cancel', { jobId });
    const job = await app.jobs.settle(jobId);
    expect(job).toMatchObject({ status: 'cancelled' });
    expect(db.prepare(`SELECT type, locale FROM customer_fields WHERE key = 'score'`).get()).toEqual({ type: 'text', locale: null });
    expect(db.prepare(`SELECT count(*) FROM customers WHERE json_extract(typed, '$.score') IS NOT NULL`).pluck().get()).toBe(0);
  });
});
