import { beforeEach, describe, expect, it } from 'vitest';
import type { FieldPolicy, ImportPolicy } from '../../shared/contract/schemas';
import { describePolicy, normalisePolicy } from '../../shared/imports/policy';
import type { Db } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';
import { policySetSql } from '../../electron/workspace/import/customers/policy-sql';
import { useWorkspaceDb } from '../support/workspace-db';

/**
 * Re-import policies, per policy and per field, over canonical columns and
 * custom attributes. The oracle is written out by hand: the expected customer
 * after a first import and a re-import under each policy.
 */

const workspace = useWorkspaceDb('tailor-policy-');
const csv = (name: string, text: string): string => workspace.csv(name, text);
let db: Db;
beforeEach(() => {
  db = workspace.db;
});

interface Row {
  id: string;
  email: string | null;
  first_name: string | null;
  city: string | null;
  phone: string | null;
  attributes: Record<string, unknown>;
}

function customer(id: string): Row {
  const row = db.prepare('SELECT id, email, first_name, city, phone, attributes FROM customers WHERE id = ?').get(id) as
    (Omit<Row, 'attributes'> & { attributes: string }) | undefined;
  if (row === undefined) throw new Error(`no customer ${id}`);
  return { ...row, attributes: JSON.parse(row.attributes) as Record<string, unknown> };
}

// C1 has a city and a tier but no phone and no team; C2 is new in the second file.
const FIRST = 'id,email,first_name,city,phone,tier,team\nC1,ann@example.com,Ann,Paris,,gold,\n';
const SECOND =
  'id,email,first_name,city,phone,tier,team\nC1,ann@new.example,Annie,Lyon,+33612345678,silver,red\nC2,bob@example.com,Bob,Nice,,bronze,blue\n';

async function reimport(policy: ImportPolicy | undefined): Promise<void> {
  await importCustomers(db, csv('first.csv', FIRST));
  const report = await importCustomers(db, csv('second.csv', SECOND), { policy });
  expect(report).toMatchObject({ status: 'succeeded', rowsCreated: 1, rowsUpdated: 1 });
}

const BOB: Row = {
  id: 'C2',
  email: 'bob@example.com',
  first_name: 'Bob',
  city: 'Nice',
  phone: null,
  attributes: { tier: 'bronze', team: 'blue' },
};

describe('re-import policy for the whole import', () => {
  it('overwrite (and no policy at all): the file wins wherever it has a value', async () => {
    await reimport({ default: 'overwrite', fields: {} });
    expect(customer('C1')).toEqual({
      id: 'C1',
      email: 'ann@new.example',
      first_name: 'Annie',
      city: 'Lyon',
      phone: '+33612345678',
      attributes: { tier: 'silver', team: 'red' },
    });
    expect(customer('C2')).toEqual(BOB);
  });

  it('no policy behaves as overwrite', async () => {
    await reimport(undefined);
    expect(customer('C1')).toMatchObject({ first_name: 'Annie', city: 'Lyon', attributes: { tier: 'silver', team: 'red' } });
  });

  it('keep existing: an existing customer does not change at all, blanks included; new customers get everything', async () => {
    await reimport({ default: 'keep', fields: {} });
    expect(customer('C1')).toEqual({
      id: 'C1',
      email: 'ann@example.com',
      first_name: 'Ann',
      city: 'Paris',
      phone: null,
      attributes: { tier: 'gold' },
    });
    expect(customer('C2')).toEqual(BOB);
  });

  it('fill blanks only: only empty fields (canonical and custom) take the file value', async () => {
    await reimport({ default: 'fill-blanks', fields: {} });
    expect(customer('C1')).toEqual({
      id: 'C1',
      email: 'ann@example.com',
      first_name: 'Ann',
      city: 'Paris',
      phone: '+33612345678',
      attributes: { tier: 'gold', team: 'red' },
    });
    expect(customer('C2')).toEqual(BOB);
  });

  it('fill blanks treats a whitespace-only value as blank', async () => {
    await importCustomers(db, csv('first.csv', 'id,city\nC1,Paris\n'));
    db.prepare(`UPDATE customers SET city = '   ', attributes = '{"tier":" "}' WHERE id = 'C1'`).run();
    await importCustomers(db, csv('second.csv', 'id,city,tier\nC1,Lyon,gold\n'), { policy: { default: 'fill-blanks', fields: {} } });
    expect(customer('C1')).toMatchObject({ city: 'Lyon', attributes: { tier: 'gold' } });
  });
});

describe('per-field exceptions', () => {
  it('a canonical field can differ from the default, both ways', async () => {
    await reimport({ default: 'keep', fields: { city: 'overwrite', phone: 'fill-blanks' } });
    expect(customer('C1')).toMatchObject({ email: 'ann@example.com', first_name: 'Ann', city: 'Lyon', phone: '+33612345678' });
    expect(customer('C1').attributes).toEqual({ tier: 'gold' });
  });

  it('email can be kept while the rest is overwritten (the customer is still matched by id)', async () => {
    await reimport({ default: 'overwrite', fields: { email: 'keep' } });
    expect(customer('C1')).toMatchObject({ email: 'ann@example.com', first_name: 'Annie', city: 'Lyon' });
  });

  it('custom attributes take their own policy inside the JSON, the others follow the default', async () => {
    await reimport({ default: 'overwrite', fields: { tier: 'keep' } });
    expect(customer('C1').attributes).toEqual({ tier: 'gold', team: 'red' });
    expect(customer('C1').city).toBe('Lyon');
  });

  it('a custom attribute overwritten under a keep default', async () => {
    await reimport({ default: 'keep', fields: { tier: 'overwrite' } });
    expect(customer('C1')).toMatchObject({ first_name: 'Ann', attributes: { tier: 'silver' } });
  });

  it('a custom attribute filled only when blank, next to one overwritten and one kept', async () => {
    await importCustomers(db, csv('first.csv', 'id,a,b,c\nC1,old-a,old-b,\n'));
    await importCustomers(db, csv('second.csv', 'id,a,b,c,d\nC1,new-a,new-b,new-c,new-d\n'), {
      policy: { default: 'fill-blanks', fields: { a: 'overwrite', b: 'keep', d: 'keep' } },
    });
    // c was blank, so it fills; d is new to C1 but kept (keep never changes an existing customer).
    expect(customer('C1').attributes).toEqual({ a: 'new-a', b: 'old-b', c: 'new-c' });
  });

  it('the policy is recorded with the import and shown in the history', async () => {
    await importCustomers(db, csv('first.csv', FIRST));
    const report = await importCustomers(db, csv('second.csv', SECOND), {
      policy: { default: 'fill-blanks', fields: { email: 'keep', city: 'fill-blanks' } },
    });
    expect(report.policy).toEqual({ default: 'fill-blanks', fields: { email: 'keep' } });
    expect(describePolicy(report.policy as ImportPolicy)).toBe('Fill blanks only (email: keep existing)');
  });
});

describe('policySetSql', () => {
  it('leaves out kept columns and binds custom keys instead of splicing them', () => {
    const set = policySetSql({ default: 'keep', fields: { city: 'overwrite', "it's": 'fill-blanks' } });
    expect(set.sql).toContain('city = coalesce(excluded.city, city)');
    expect(set.sql).not.toMatch(/\bemail =/);
    expect(set.sql).not.toContain("it's");
    expect(Object.values(set.params)).toEqual(["it's"]);
  });

  it('the common policies need no per-key filter', () => {
    expect(policySetSql({ default: 'overwrite', fields: {} }).sql).toContain('json_patch(attributes, excluded.attributes)');
    expect(policySetSql({ default: 'keep', fields: {} }).sql).toBe('');
  });

  it.each<[FieldPolicy]>([['overwrite'], ['keep'], ['fill-blanks']])('normalises away exceptions equal to the default (%s)', (value) => {
    expect(normalisePolicy({ default: value, fields: { city: value } })).toEqual({ default: value, fields: {} });
  });
});
