import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/schemas';
import type { MappingFile } from '../../shared/imports/mapping-file';
import { openDatabase } from '../../electron/workspace/db';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

/**
 * The mapping a user confirmed for a header row (in the wizard, or with --mapping) is the workspace's for that
 * header. A later `tailor import` of the next export with the same header (a scheduled job, or the fixed rejected
 * rows) must read it the same way, and must not replace it with what detection alone finds.
 */

let dir: string;
let workspace: string;
const file = (name: string, content: string): string => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
};

const HEADER = 'Code client;Prénom;Courriel;Note interne';

beforeEach(async () => {
  dir = tempDir('tailor-cli-saved-mapping-');
  process.env.TAILOR_HOME = path.join(dir, 'home');
  workspace = path.join(dir, 'shop.tailor');
  expect((await cli(['init', workspace])).code).toBe(0);
});

const customerIds = (): string[] => {
  const db = openDatabase(workspace, { create: false });
  try {
    return db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
};

it('imports the next file with the same header using the mapping saved for it, and keeps that mapping', async () => {
  const first = file('clients-1.csv', `${HEADER}\nFR-001;Amélie;amelie@example.fr;à rappeler\n`);
  const mappingFile = path.join(dir, 'mapping.json');
  expect((await cli(['mapping', workspace, '--customers', first, '--out', mappingFile])).code).toBe(0);
  const mapping = JSON.parse(fs.readFileSync(mappingFile, 'utf8')) as MappingFile;
  mapping.columns = mapping.columns.map((column) =>
    column.header === 'Code client'
      ? { ...column, target: 'canonical', key: 'id' }
      : column.header === 'Note interne'
        ? { ...column, target: 'ignored' }
        : column,
  );
  fs.writeFileSync(mappingFile, JSON.stringify(mapping));
  expect((await cli(['import', workspace, '--customers', first, '--mapping', mappingFile])).code).toBe(0);

  // The next export, same header, no --mapping.
  for (const [name, row, id] of [
    ['clients-2.csv', 'FR-002;José;jose@example.es;', 'FR-002'],
    ['clients-3.csv', 'FR-003;Zoë;zoe@example.de;VIP', 'FR-003'],
  ] as const) {
    const next = await cli(['import', workspace, '--customers', file(name, `${HEADER}\n${row}\n`), '--json']);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain('Using the mapping saved on');
    const report = JSON.parse(next.stdout) as ImportReport;
    expect(report.mapping.find((column) => column.header === 'Code client')).toMatchObject({ key: 'id', kind: 'canonical' });
    expect(report.mapping.some((column) => column.header === 'Note interne')).toBe(false);
    expect(report.rowsCreated).toBe(1);
    expect(customerIds()).toContain(id);
  }
  expect(customerIds()).toEqual(['FR-001', 'FR-002', 'FR-003']);

  // An explicit --mapping still wins over the saved one.
  const plain = path.join(dir, 'plain.json');
  const detected = JSON.parse(fs.readFileSync(mappingFile, 'utf8')) as MappingFile;
  detected.columns = detected.columns.map((column) =>
    column.header === 'Code client' ? { ...column, target: 'custom', key: 'code_client' } : column,
  );
  fs.writeFileSync(plain, JSON.stringify(detected));
  const explicit = await cli([
    'import',
    workspace,
    '--customers',
    file('clients-4.csv', `${HEADER}\nFR-004;Ana;ana@example.pt;\n`),
    '--mapping',
    plain,
    '--json',
  ]);
  expect(explicit.code, explicit.stderr).toBe(0);
  expect(explicit.stderr).not.toContain('Using the mapping saved on');
  expect((JSON.parse(explicit.stdout) as ImportReport).mapping.find((column) => column.header === 'Code client')).toMatchObject({
    kind: 'custom',
  });
});
