import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { readProfiles } from '../../electron/workspace/dedup/read-profiles';
import { importCustomers } from '../../electron/workspace/import';
import { customerProfile } from '../../shared/dedup/customer-profile';
import { normaliseProfile } from '../../shared/dedup/normalise';
import { tempDir } from '../support/temp';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = tempDir('tailor-dedup-typed-');
  db = openDatabase(path.join(dir, 'w.tailor'), { create: true });
});
afterEach(() => db.close());

// A day-first file (25/12/1985 decides the column): D1's 05/03/1990 is 5 March, the day D2's ISO date says.
const DAY_FIRST = [
  'id,first_name,last_name,birth_date,phone,country',
  'D1,Anna,Berg,05/03/1990,+44 (0)20 7946 0018,GB',
  'D2,Anna,Berg,1990-03-05,+44 20 7946 0018,GB',
  'D3,Carl,Dahl,25/12/1985,,GB',
].join('\n');

describe('de-duplication reads typed values where the import stored them', () => {
  it('a day-first birth date and its ISO twin agree, and so do two writings of one phone', async () => {
    const file = path.join(dir, 'day-first.csv');
    fs.writeFileSync(file, `${DAY_FIRST}\n`);
    await importCustomers(db, file);
    const profiles = new Map(readProfiles(db).map((profile) => [profile.id, normaliseProfile(profile)]));
    expect(profiles.get('D1')?.birthDate).toBe('19900305');
    expect(profiles.get('D1')?.birthDate).toBe(profiles.get('D2')?.birthDate);
    expect(profiles.get('D1')?.phone).toBe('442079460018');
    expect(profiles.get('D1')?.phone).toBe(profiles.get('D2')?.phone);
  });

  it('falls back to the text when there is no typed value', () => {
    const customer = {
      id: 'X',
      email: null,
      first_name: 'A',
      last_name: 'B',
      phone: '555',
      birth_date: 'soon',
      city: null,
      attributes: {},
    };
    expect(customerProfile(customer)).toMatchObject({ phone: '555', birthDate: 'soon' });
    expect(customerProfile({ ...customer, typed: { birth_date: '1990-03-05', phone: '+15550100' } })).toMatchObject({
      phone: '+15550100',
      birthDate: '1990-03-05',
    });
  });
});
