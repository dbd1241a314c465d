import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/schemas';
import type { MappingFile } from '../../shared/imports/mapping-file';
import { openDatabase } from '../../electron/workspace/db';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

let dir: string;
let workspace: string;
const file = (name: string, content: string): string => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
};

const ORDERS = 'ref;client;quand;somme\nA1;ann@example.com;2026-03-01;12,50\nA2;bob@example.com;2026-03-02;3\n';

beforeEach(async () => {
  dir = tempDir('tailor-cli-mapping-');
  process.env.TAILOR_HOME = path.join(dir, 'home');
  workspace = path.join(dir, 'shop.tailor');
  expect((await cli(['init', workspace])).code).toBe(0);
});

describe('tailor mapping and tailor import --mapping', () => {
  it('writes the detected mapping, which the user edits and imports with', async () => {
    const orders = file('commandes.csv', ORDERS);
    // As detected, the French headers name no order column: the import refuses the file.
    const plain = await cli(['import', workspace, '--orders', orders]);
    expect(plain.code).toBe(1);

    const out = path.join(dir, 'orders-mapping.json');
    const written = await cli(['mapping', workspace, '--orders', orders, '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('the import would stop');
    const mapping = JSON.parse(fs.readFileSync(out, 'utf8')) as MappingFile;
    expect(mapping).toMatchObject({ kind: 'tailor-import-mapping', version: 1, entity: 'orders' });
    expect(mapping.columns.map((column) => column.header)).toEqual(['ref', 'client', 'quand', 'somme']);

    const keys: Record<string, string> = { ref: 'order_id', client: 'customer', quand: 'ordered_at', somme: 'total' };
    mapping.columns = mapping.columns.map((column) => ({ ...column, target: 'canonical', key: keys[column.header] ?? column.key }));
    fs.writeFileSync(out, JSON.stringify(mapping));
    const imported = await cli(['import', workspace, '--orders', orders, '--mapping', out, '--json']);
    expect(imported.code, imported.stderr + imported.stdout).toBe(0);
    expect(JSON.parse(imported.stdout) as ImportReport).toMatchObject({ entity: 'orders', status: 'succeeded', rowsImported: 2 });
  });

  it('--save-mapping writes the mapping a successful import used; --mapping reuses it for the next file', async () => {
    const saved = path.join(dir, 'customers-mapping.json');
    const first = await cli([
      'import',
      workspace,
      '--customers',
      file('a.csv', 'Courriel;Prénom;Note\nann@example.com;Ann;x\n'),
      '--save-mapping',
      saved,
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Mapping saved to ${saved}`);
    const mapping = JSON.parse(fs.readFileSync(saved, 'utf8')) as MappingFile;
    expect(mapping.columns).toEqual([
      { header: 'Courriel', target: 'canonical', key: 'email' },
      { header: 'Prénom', target: 'canonical', key: 'first_name' },
      { header: 'Note', target: 'custom', key: 'note' },
    ]);
    mapping.columns[2] = { header: 'Note', target: 'ignored', key: 'note' };
    fs.writeFileSync(saved, JSON.stringify(mapping));
    const second = await cli([
      'import',
      workspace,
      '--customers',
      file('b.csv', 'Courriel;Prénom;Note\nbob@example.com;Bob;y\n'),
      '--mapping',
      saved,
      '--json',
    ]);
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as ImportReport;
    expect(report.mapping.map((column) => column.key)).toEqual(['email', 'first_name']);
  });

  it('an invalid mapping file is refused with a message naming the file and what is wrong', async () => {
    const csv = file('c.csv', 'email\nann@example.com\n');
    const run = async (name: string, content: string | null, entity = '--customers') => {
      const mapping = path.join(dir, name);
      if (content !== null) fs.writeFileSync(mapping, content);
      return cli(['import', workspace, entity, csv, '--mapping', mapping]);
    };
    const missing = await run('missing.json', null);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${path.join(dir, 'missing.json')}: mapping file not found`);

    const broken = await run('broken.json', '{ "kind": ');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json: not valid JSON/);

    const wrongTarget = await run(
      'wrong.json',
      JSON.stringify({
        kind: 'tailor-import-mapping',
        version: 1,
        entity: 'customers',
        columns: [{ header: 'email', target: 'somewhere', key: 'email' }],
      }),
    );
    expect(wrongTarget.code).toBe(1);
    expect(wrongTarget.stderr).toMatch(/wrong\.json: not a Tailor import mapping: columns\[0\]\.target: .*canonical.*custom.*ignored/);

    const otherEntity = await run(
      'orders.json',
      JSON.stringify({
        kind: 'tailor-import-mapping',
        version: 1,
        entity: 'orders',
        columns: [{ header: 'email', target: 'canonical', key: 'customer_email' }],
      }),
    );
    expect(otherEntity.stderr).toMatch(/orders\.json: this mapping is for orders, and the import is of customers/);

    const otherHeader = await run(
      'other.json',
      JSON.stringify({
        kind: 'tailor-import-mapping',
        version: 1,
        entity: 'customers',
        columns: [{ header: 'mail', target: 'canonical', key: 'email' }],
      }),
    );
    expect(otherHeader.code).toBe(1);
    expect(otherHeader.stderr).toContain('column 1 is "email" in the file but "mail" in the mapping');
    expect(otherHeader.stderr).toContain(`mapping file: ${path.join(dir, 'other.json')}`);
  });

  // The mapping a user confirmed for a header row is the workspace's for that header: the next export with the same
  // header (a scheduled job, or the fixed rejected rows) is read the same way, and detection alone never replaces it.
  it('without --mapping, imports the next file with the same header using the mapping saved for it, and keeps it', async () => {
    const HEADER = 'Code client;Prénom;Courriel;Note interne';
    const customerIds = (): string[] => {
      const db = openDatabase(workspace, { create: false });
      try {
        return db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
      } finally {
        db.close();
      }
    };
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
});
