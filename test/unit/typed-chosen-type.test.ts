import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nowIso, openDatabase, type Db } from '../../electron/workspace/db';
import { commitCustomers } from '../../electron/workspace/import/customers/committer';
import type { ImportContext } from '../../electron/workspace/import/pipeline';
import type { ColumnMapping } from '../../shared/contract/schemas';
import { tempDir } from '../support/temp';

/**
 * The import wizard may give a column a type (ColumnMapping.type). The
 * customers commit must type the field so, instead of detecting it: staged
 * rows are committed directly, with the mapping as the run would pass it.
 */
function commitWith(db: Db, mapping: ColumnMapping[], rows: Record<string, string>[]): void {
  const importId = Number(
    db
      .prepare(
        `INSERT INTO imports (kind, file_name, file_path, status, started_at) VALUES ('customers', 'f.csv', '/tmp/f.csv', 'running', ?)`,
      )
      .run(nowIso()).lastInsertRowid,
  );
  const stage = db.prepare('INSERT INTO import_staging (import_id, line, record) VALUES (?, ?, ?)');
  rows.forEach(({ id, ...attributes }, index) => stage.run(importId, index + 2, JSON.stringify({ id, attributes })));
  const context = { db, importId, name: 'f.csv', mapping } as unknown as ImportContext;
  db.transaction(() => commitCustomers(context, { rowsRead: rows.length, rowsStaged: rows.length, rowsRejected: 0, rowsSkipped: 0 }))();
}

const typeOf = (db: Db, key: string) => db.prepare('SELECT type FROM customer_fields WHERE key = ?').pluck().get(key);
const typed = (db: Db, id: string) =>
  JSON.parse((db.prepare('SELECT typed FROM customers WHERE id = ?').pluck().get(id) as string | null) ?? '{}') as unknown;

describe('a type chosen for a column wins over detection', () => {
  it('numbers kept as text when the user says text; words typed as number when the user says number', () => {
    const db = openDatabase(path.join(tempDir(), 'w.tailor'), { create: true });
    try {
      const rows = [
        { id: 'C1', zip: '01234', score: 'n/a' },
        { id: 'C2', zip: '98765', score: '12' },
        { id: 'C3', zip: '55555', score: 'none' },
      ];
      const idColumn: ColumnMapping = { header: 'id', key: 'id', kind: 'canonical' };
      commitWith(
        db,
        [
          idColumn,
          { header: 'zip', key: 'zip', kind: 'custom', type: 'text' },
          { header: 'score', key: 'score', kind: 'custom', type: 'number' },
        ],
        rows,
      );
      expect(typeOf(db, 'zip')).toBe('text');
      expect(typeOf(db, 'score')).toBe('number');
      expect(typed(db, 'C2')).toEqual({ score: 12 });
      expect(typed(db, 'C1')).toEqual({});

      // Without a choice the same columns are detected: zip codes as numbers, the scores as text.
      const fresh = openDatabase(path.join(tempDir(), 'w2.tailor'), { create: true });
      try {
        commitWith(
          fresh,
          [idColumn, { header: 'zip', key: 'zip', kind: 'custom' }, { header: 'score', key: 'score', kind: 'custom' }],
          rows,
        );
        expect(typeOf(fresh, 'score')).toBe('text');
      } finally {
        fresh.close();
      }
    } finally {
      db.close();
    }
  });
});
