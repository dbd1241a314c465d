import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import type { Condition } from '../../shared/segments/rule';
import { OPERATORS_BY_TYPE } from '../../shared/segments/operators';
import { ContractError } from '../../shared/contract/envelope';
import { freshWorkspace } from '../support/workspace-app';

/** A German file: decimal-comma amounts, "ja"/"nein", day-first dates, country names. */
const GERMAN = [
  'Kundennummer;E-Mail;total_spent;vip;signup;Land',
  'K1;k1@example.de;1.234,00;ja;05/03/2020;Deutschland',
  'K2;k2@example.de;99,50;nein;13/04/2021;Österreich',
  'K3;k3@example.de;150,50;ja;28/02/2019;Schweiz',
  'K4;k4@example.de;12,00;nein;01/12/2022;Deutschland',
  'K5;k5@example.de;;;;',
].join('\n');

async function germanWorkspace(): Promise<TailorApp> {
  const { app, dir } = await freshWorkspace();
  const file = path.join(dir, 'kunden.csv');
  fs.writeFileSync(file, `${GERMAN}\n`);
  const { jobId } = await app.client.call('imports.start', { path: file });
  expect(await app.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });
  return app;
}

async function members(app: TailorApp, ...conditions: Condition[]): Promise<string[]> {
  const { rows } = await app.client.call('customers.list', { rule: { match: 'all', conditions }, limit: 100 });
  return rows.map((row) => row.id).sort();
}

async function contractError(call: Promise<unknown>): Promise<ContractError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('segments compare by type', () => {
  it('numbers numerically, dates as dates, booleans as yes/no, countries by code', async () => {
    const app = await germanWorkspace();
    // As text, "1.234,00" is 1.234 and "99,50" is 99: the wrong two would be over 100.
    expect(await members(app, { field: 'total_spent', op: 'gt', value: '100' })).toEqual(['K1', 'K3']);
    expect(await members(app, { field: 'total_spent', op: 'lte', value: '99,5' })).toEqual(['K2', 'K4']);
    // 05/03/2020 is 5 March 2020; as text every "dd/mm/yyyy" sorts before "2020-…".
    expect(await members(app, { field: 'signup', op: 'lt', value: '2020-06-01' })).toEqual(['K1', 'K3']);
    expect(await members(app, { field: 'signup', op: 'gte', value: '01/01/2021' })).toEqual(['K2', 'K4']);
    expect(await members(app, { field: 'vip', op: 'equals', value: 'yes' })).toEqual(['K1', 'K3']);
    expect(await members(app, { field: 'vip', op: 'not_equals', value: 'true' })).toEqual(['K2', 'K4', 'K5']);
    expect(await members(app, { field: 'country', op: 'equals', value: 'Germany' })).toEqual(['K1', 'K4']);
    const { count } = await app.client.call('segments.count', {
      rule: { match: 'all', conditions: [{ field: 'total_spent', op: 'gte', value: '12' }] },
    });
    expect(count).toBe(4);
  });

  it('"greater than abc" on a number field is refused with a message', async () => {
    const app = await germanWorkspace();
    const error = await contractError(
      app.client.call('segments.count', { rule: { match: 'all', conditions: [{ field: 'total_spent', op: 'gt', value: 'abc' }] } }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"abc" is not');
    expect(error.message).toContain('total_spent');
    const ordered = await contractError(
      app.client.call('segments.count', { rule: { match: 'all', conditions: [{ field: 'vip', op: 'gt', value: 'yes' }] } }),
    );
    expect(ordered.message).toContain('cannot be greater or less');
  });

  it('the rule editor offers operators by type', () => {
    expect(OPERATORS_BY_TYPE.number).toContain('gt');
    expect(OPERATORS_BY_TYPE.number).not.toContain('contains');
    expect(OPERATORS_BY_TYPE.boolean).toEqual(['equals', 'not_equals', 'is_empty', 'is_not_empty']);
    expect(OPERATORS_BY_TYPE.text).toContain('starts_with');
  });
});
