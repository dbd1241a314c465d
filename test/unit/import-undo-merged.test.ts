import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../electron/workspace/db';
import { undoMerge } from '../../electron/workspace/dedup/merge';
import { cli } from '../support/cli-runner';

/**
 * An import whose customers were merged since cannot be undone (the merge would be lost). The refusal must say
 * what to do: undo that merge first. Then the import can be undone.
 */

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-undo-merged-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('refuses to undo an import whose customers were merged, naming the merge to undo first', async () => {
  const workspace = path.join(dir, 'shop.tailor');
  const customers = path.join(dir, 'crm.csv');
  fs.writeFileSync(
    customers,
    [
      'id,email,first_name,last_name,phone,birth_date',
      'K1,jonathan.smithers@example.com,Jonathan,Smithers,+44 7700 900123,1984-02-11',
      'K2,jon.smithers@example.org,Jon,Smithers,+44 7700 900123,1984-02-11',
    ].join('\n'),
  );
  expect((await cli(['init', workspace])).code).toBe(0);
  expect((await cli(['import', workspace, '--customers', customers])).code).toBe(0);
  const dedup = await cli(['dedup', workspace, '--threshold', '0.9', '--auto-merge', '--json']);
  const merged = (JSON.parse(dedup.stdout) as { merged: { id: number }[] }).merged;
  expect(merged).toHaveLength(1);

  const undo = await cli(['undo-import', workspace]);
  expect(undo.code).toBe(1);
  expect(undo.stderr).toContain('Import #1 (crm.csv) cannot be undone');
  expect(undo.stderr).toContain(`Undo merge #${merged[0]?.id} in the Duplicates view (Recent merges) first, then undo this import.`);

  // Doing what it says works.
  const db = openDatabase(workspace, { create: false });
  undoMerge(db, merged[0]?.id ?? 0);
  db.close();
  const again = await cli(['undo-import', workspace, '--json']);
  expect(again.code).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({ importId: 1, deleted: 2 });
});
