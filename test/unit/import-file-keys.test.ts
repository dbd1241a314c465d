import { describe, expect, it } from 'vitest';
import { FileKeys } from '../../electron/workspace/import/customers/file-keys';
import { duplicatesStep, type StagedCustomer } from '../../electron/workspace/import/customers/steps';
import type { ImportContext } from '../../electron/workspace/import/pipeline';
import { useWorkspaceDb } from '../support/workspace-db';

describe('the keys a file has claimed, in memory', () => {
  it('finds every claimed key with its line as the table grows, and nothing else', () => {
    const claimed = new Map<string, number>();
    const keys = new FileKeys((line, key) => claimed.get(key) === line);
    for (let i = 0; i < 20_000; i++) {
      const key = `email:user${i}@example.com`;
      expect(keys.owner(key)).toBeNull();
      claimed.set(key, i + 2);
      expect(keys.claim(key, i + 2)).toBe(true);
    }
    for (let i = 0; i < 20_000; i += 997) expect(keys.owner(`email:user${i}@example.com`)).toBe(i + 2);
    expect(keys.owner('email:nobody@example.com')).toBeNull();
  });

  it('a hash match the claiming row does not confirm is another key: it is kept exactly', () => {
    // The confirmation says "not this key" for line 2, as it would for two keys sharing a hash.
    const keys = new FileKeys((line) => line !== 2);
    keys.claim('id:a', 2);
    expect(keys.owner('id:a')).toBeNull();
    expect(keys.claim('id:a', 5)).toBe(true);
    expect(keys.owner('id:a')).toBe(5);
  });

  it('never grows past its bound: a full table says so', () => {
    const keys = new FileKeys(() => true, 64);
    let accepted = 0;
    while (keys.claim(`id:${accepted}`, accepted + 2)) accepted++;
    expect(accepted).toBe(48);
    expect(keys.owner('id:47')).toBe(49);
  });
});

describe('duplicates within a file past the memory bound', () => {
  const workspace = useWorkspaceDb();

  it('keys past the bound go to the temp table, and duplicates are found on either side', () => {
    const { db } = workspace;
    const importId = 1;
    const step = duplicatesStep({ db, importId } as ImportContext, 16);
    const stage = db.prepare('INSERT INTO temp.import_staging (import_id, line, record) VALUES (?, ?, ?)');
    const run = (line: number, staged: Omit<StagedCustomer, 'attributes'>) => {
      const row = { record: { line, endLine: line, fields: [], text: '', problem: null }, value: { ...staged, attributes: {} } };
      const outcome = step.run(row);
      if (outcome.kind === 'next') stage.run(importId, line, JSON.stringify(row.value));
      return outcome.kind === 'reject' ? outcome.reason : outcome.kind;
    };
    for (let i = 0; i < 40; i++) expect(run(i + 2, { id: `c${i}`, email: `c${i}@example.com` })).toBe('next');
    expect(db.prepare('SELECT count(*) FROM temp.import_keys').pluck().get()).toBeGreaterThan(0);
    expect(run(100, { id: 'c1', email: 'new1@example.com' })).toBe('duplicate id "c1": same id as line 3; keep one of the two rows');
    expect(run(101, { id: 'new2', email: 'C39@example.com' })).toBe(
      'duplicate email "C39@example.com": same email as line 41; keep one of the two rows',
    );
    // The rejected rows claimed nothing: their other keys are free.
    expect(run(102, { id: 'new2', email: 'new1@example.com' })).toBe('next');
  });
});
