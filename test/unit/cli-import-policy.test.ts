import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, UndoImportResult } from '../../shared/contract/schemas';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

let dir: string;
let workspace: string;

const file = (name: string, content: string): string => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
};

function customers(): Record<string, unknown>[] {
  const db = new Database(workspace, { readonly: true });
  try {
    return db.prepare('SELECT id, email, first_name, city, attributes FROM customers ORDER BY id').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dir = tempDir('tailor-cli-policy-');
  process.env.TAILOR_HOME = path.join(dir, 'home');
  workspace = path.join(dir, 'shop.tailor');
  expect((await cli(['init', workspace])).code).toBe(0);
  const first = await cli([
    'import',
    workspace,
    '--customers',
    file('first.csv', 'id,email,first_name,city,Loyalty Tier\nC1,ann@example.com,Ann,,gold\n'),
  ]);
  expect(first.code, first.stderr).toBe(0);
});

const SECOND = 'id,email,first_name,city,Loyalty Tier\nC1,ann@new.example,Annie,Lyon,silver\nC2,bob@example.com,Bob,Nice,bronze\n';

describe('tailor import --policy', () => {
  it('fill-blanks with per-field exceptions, reported in the summary and the JSON', async () => {
    const result = await cli([
      'import',
      workspace,
      '--customers',
      file('second.csv', SECOND),
      '--policy',
      'fill-blanks',
      '--policy-field',
      'email=overwrite',
      '--policy-field',
      'Loyalty Tier=overwrite',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportReport;
    expect(report.policy).toEqual({ default: 'fill-blanks', fields: { email: 'overwrite', loyalty_tier: 'overwrite' } });
    expect(customers()[0]).toEqual({
      id: 'C1',
      email: 'ann@new.example',
      first_name: 'Ann',
      city: 'Lyon',
      attributes: JSON.stringify({ loyalty_tier: 'silver' }),
    });

    const text = await cli(['import', workspace, '--customers', file('third.csv', SECOND), '--policy', 'keep']);
    expect(text.stdout).toMatch(/policy:\s+Keep existing/);
  });

  it('--policy-field alone keeps overwrite for the other fields', async () => {
    const result = await cli(['import', workspace, '--customers', file('second.csv', SECOND), '--policy-field', 'first_name=keep']);
    expect(result.code, result.stderr).toBe(0);
    expect(customers()[0]).toMatchObject({ email: 'ann@new.example', first_name: 'Ann', city: 'Lyon' });
  });

  it.each([
    [['--policy', 'sometimes'], /argument 'sometimes' is invalid. Allowed choices are overwrite, keep, fill-blanks/],
    [['--policy-field', 'email'], /"email" is not field=policy; write it like email=keep/],
    [['--policy-field', 'email=never'], /"email=never" is not field=policy/],
  ])('refuses %j as wrong usage, saying what is expected', async (args, message) => {
    const result = await cli(['import', workspace, '--customers', file('second.csv', SECOND), ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(customers()).toHaveLength(1);
  });

  it('a policy with --orders is wrong usage', async () => {
    const orders = file('orders.csv', 'order_id,customer_id,date,amount\nO1,C1,2026-01-05,10\n');
    const result = await cli(['import', workspace, '--orders', orders, '--policy', 'keep']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--policy and --policy-field apply to --customers/);
  });
});

describe('tailor undo-import', () => {
  it('undoes the last import, then the one before, then says there is nothing left', async () => {
    expect((await cli(['import', workspace, '--customers', file('second.csv', SECOND)])).code).toBe(0);
    const text = await cli(['undo-import', workspace]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Undid import #\d+ \(second\.csv\) in /);
    expect(text.stdout).toMatch(/customers deleted:\s+1/);
    expect(text.stdout).toMatch(/customers restored: 1/);
    expect(customers()).toEqual([
      { id: 'C1', email: 'ann@example.com', first_name: 'Ann', city: null, attributes: '{"loyalty_tier":"gold"}' },
    ]);

    const json = await cli(['undo-import', workspace, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout) as UndoImportResult).toMatchObject({ file: 'first.csv', entity: 'customers', deleted: 1, restored: 0 });
    expect(customers()).toEqual([]);

    const none = await cli(['undo-import', workspace, '--json']);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toEqual({ error: { code: 'not_found', message: 'There is no import to undo in this workspace.' } });
  });

  it('refuses with the reason and exit code 1 when a later change depends on the import', async () => {
    const db = new Database(workspace);
    db.prepare(`UPDATE customers SET updated_at = '2099-01-01T00:00:00.000Z'`).run();
    db.close();
    const result = await cli(['undo-import', workspace]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tailor: Import #\d+ \(first\.csv\) cannot be undone: 1 of the 1 customers it wrote changed/);
    expect(customers()).toHaveLength(1);
  });
});
