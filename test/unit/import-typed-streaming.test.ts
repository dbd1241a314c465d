import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldCatalogue } from '../../electron/workspace/customers-repo';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';
import { TypingTally } from '../../electron/workspace/import/customers/typing-tally';
import { storeTypedValues } from '../../electron/workspace/typed-values';
import type { ColumnMapping } from '../../shared/contract/schemas';
import { tempDir } from '../support/temp';

/**
 * Typed values are computed while rows stream, under the catalogue the first
 * rows predict (typing-tally.ts), and the commit keeps them only when its own
 * catalogue is that one. Either way a customer's typed values must be exactly
 * what computing them from the stored text gives.
 */

function csv(rows: number, score: (i: number) => string): string {
  const file = path.join(tempDir(), 'customers.csv');
  const lines = ['Customer ID,Email,Phone,Country,Birth Date,Score,Newsletter,Signup'];
  for (let i = 0; i < rows; i++) {
    const phone = `+33 6 ${String(12_000_000 + i).replace(/(\d\d)(?=\d)/g, '$1 ')}`;
    lines.push(
      `C${i},u${i}@example.com,${phone},${['FR', 'DE', 'Brasil'][i % 3]},19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10},${score(i)},${i % 2 ? 'yes' : 'no'},${1 + (i % 28)}/03/2021`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const typedById = (db: Db): Map<string, string | null> =>
  new Map(
    (db.prepare('SELECT id, typed FROM customers ORDER BY id').all() as { id: string; typed: string | null }[]).map((r) => [r.id, r.typed]),
  );

async function importAndRecompute(
  file: string,
): Promise<{ imported: Map<string, string | null>; recomputed: Map<string, string | null>; db: Db }> {
  const db = openDatabase(path.join(tempDir(), 'w.tailor'), { create: true });
  const report = await importCustomers(db, file);
  expect(report.status).toBe('succeeded');
  const imported = typedById(db);
  db.transaction(() => storeTypedValues(db, fieldCatalogue(db), '1 = 1'))();
  return { imported, recomputed: typedById(db), db };
}

describe('typed values computed while streaming', () => {
  it('are what the stored text gives when the first rows predicted the catalogue right', async () => {
    const { imported, recomputed, db } = await importAndRecompute(csv(600, (i) => `${i * 3},${i % 100}`.replace(',', '.')));
    expect(fieldCatalogue(db).score?.type).toBe('number');
    expect(imported).toEqual(recomputed);
    expect(JSON.parse(imported.get('C599') ?? '{}')).toMatchObject({ score: 1797.99, newsletter: true, phone: '+33612000599' });
    db.close();
  });

  it('are not kept when later rows change a field the first rows typed (numbers, then words: text)', async () => {
    const { imported, recomputed, db } = await importAndRecompute(csv(600, (i) => (i < 300 ? String(i) : `level ${i}`)));
    expect(fieldCatalogue(db).score).toBeUndefined();
    expect(imported).toEqual(recomputed);
    expect(JSON.parse(imported.get('C250') ?? '{}')).not.toHaveProperty('score');
    db.close();
  });

  it('are given for each row after the first 200, under the predicted catalogue', () => {
    const db = openDatabase(path.join(tempDir(), 'w.tailor'), { create: true });
    const mapping: ColumnMapping[] = [
      { header: 'Email', key: 'email', kind: 'canonical' },
      { header: 'Score', key: 'score', kind: 'custom' },
    ];
    const tally = new TypingTally(db, mapping, undefined, 'f.csv');
    const typed = Array.from({ length: 250 }, (_, i) => tally.add({ email: `u${i}@example.com`, attributes: { score: String(i) } }));
    expect(typed.slice(0, 200).every((value) => value === undefined)).toBe(true);
    expect(JSON.parse(typed[249] ?? '{}')).toEqual({ email: 'u249@example.com', score: 249 });
    expect(tally.predicted).not.toBeNull();
    db.close();
  });
});
