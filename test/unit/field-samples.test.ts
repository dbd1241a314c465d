import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFields } from '../../electron/workspace/customers-repo';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-field-samples-'));
  db = openDatabase(path.join(dir, 'workspace.tailor'), { create: true });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('field samples for hover and completion', () => {
  it('lists up to three distinct values per field, the most frequent first, and none for an empty field', async () => {
    const file = path.join(dir, 'c.csv');
    fs.writeFileSync(
      file,
      'id,email,first_name,Tier\nc1,a@example.com,Li,Gold\nc2,b@example.com,Ana,Gold\nc3,c@example.com,Ana,Silver\nc4,d@example.com,,Bronze\nc5,e@example.com,Zoe,Gold\nc6,f@example.com,Max,\n',
    );
    await importCustomers(db, file);
    const fields = new Map(listFields(db).map((field) => [field.key, field]));
    expect(fields.get('first_name')?.samples).toEqual(['Ana', 'Li', 'Max']);
    expect(fields.get('tier')?.samples).toEqual(['Gold', 'Bronze', 'Silver']);
    expect(fields.get('phone')?.samples).toEqual([]);
  });
});
