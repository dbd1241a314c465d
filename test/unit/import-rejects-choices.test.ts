import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import type { ImportReport } from '../../shared/contract/schemas';
import type { MappingFile } from '../../shared/imports/mapping-file';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

/**
 * A rejected-rows file (first column "Tailor: why rejected") goes through the
 * wizard and through a mapping like any other file, and an import with column
 * choices writes its rejected rows back under the file's own header.
 */

let dir: string;

async function workspace(): Promise<TailorApp> {
  const fresh = await freshWorkspace();
  dir = fresh.dir;
  return fresh.app;
}

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const importWith = importThroughApp;

const REJECTS = [
  'Tailor: why rejected;first_name;email;city',
  '"bad email";Ann;ann@example.com;Lyon',
  '"bad email";Bob;bob@example.com;Nice',
  '',
].join('\r\n');

describe('a rejected-rows file through the wizard', () => {
  it('previews without the reasons column, each column typed from its own cells, and no problem', async () => {
    const app = await workspace();
    const file = write('customers-rejected.csv', REJECTS);
    const preview = await app.client.call('imports.preview', { path: file });
    expect(preview.problem).toBeNull();
    expect(preview.columns.map((column) => [column.header, column.target, column.key])).toEqual([
      ['first_name', 'canonical', 'first_name'],
      ['email', 'canonical', 'email'],
      ['city', 'canonical', 'city'],
    ]);
    expect(preview.columns.find((column) => column.header === 'email')?.detectedType).toBe('email');
    expect(preview.columns.find((column) => column.header === 'first_name')?.detectedType).toBe('text');
    expect(preview.rows[0]).toEqual(['Ann', 'ann@example.com', 'Lyon']);
  });

  it('imports with the settings the preview proposed, reasons left out', async () => {
    const app = await workspace();
    const file = write('customers-rejected.csv', REJECTS);
    const { settings } = await app.client.call('imports.preview', { path: file });
    const report = await importWith(app, file, 'customers', settings);
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 2, rowsRejected: 0 });
    const ann = await app.client.call('customers.get', { idOrEmail: 'ann@example.com' });
    expect(ann).toMatchObject({ first_name: 'Ann', city: 'Lyon' });
    expect(ann?.attributes).toEqual({});
  });

  it('imports with the mapping of the original file (a mapping file, a saved mapping)', async () => {
    const app = await workspace();
    const file = write('customers-rejected.csv', REJECTS);
    const columns = [
      { header: 'first_name', target: 'canonical' as const, key: 'first_name' },
      { header: 'email', target: 'canonical' as const, key: 'email' },
      { header: 'city', target: 'custom' as const, key: 'ville' },
    ];
    const report = await importWith(app, file, 'customers', { columns });
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 2, rowsRejected: 0 });
    expect((await app.client.call('customers.get', { idOrEmail: 'bob@example.com' }))?.attributes).toEqual({ ville: 'Nice' });
  });
});

describe('rejected rows of an import with column choices', () => {
  it('are written under the file’s own header and re-import with 0 rejected', async () => {
    const app = await workspace();
    const file = write('clients.csv', 'Courriel;Code;Prénom;Ville\nann@example.com;7;Ann;Lyon\nnot-an-email;8;Bad;Nice\n');
    const columns = [
      { header: 'Courriel', target: 'canonical' as const, key: 'email' },
      { header: 'Code', target: 'ignored' as const, key: 'code' },
      { header: 'Prénom', target: 'canonical' as const, key: 'first_name' },
      { header: 'Ville', target: 'custom' as const, key: 'ville_natale' },
    ];
    const first = await importWith(app, file, 'customers', { columns });
    expect([first.rowsImported, first.rowsRejected]).toEqual([1, 1]);

    const rejects = await app.client.call('imports.rejectsCsv', { importId: first.importId });
    const lines = rejects.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Tailor: why rejected;Courriel;Code;Prénom;Ville');
    expect(lines[1]).toMatch(/;not-an-email;8;Bad;Nice$/);

    const fixed = write('clients-rejected.csv', rejects.csv.replace(';not-an-email;', ';bad@example.com;'));
    const withMapping = await importWith(app, fixed, 'customers', { columns });
    expect(withMapping.rejections).toEqual([]);
    expect([withMapping.status, withMapping.rowsImported, withMapping.rowsRejected]).toEqual(['succeeded', 1, 0]);
    const plain = await importWith(app, fixed, 'customers');
    expect([plain.status, plain.rowsImported, plain.rowsRejected]).toEqual(['succeeded', 1, 0]);
    expect((await app.client.call('customers.get', { idOrEmail: 'bad@example.com' }))?.attributes).toMatchObject({ ville_natale: 'Nice' });
  });
});

describe('a rejected-rows file with tailor mapping and tailor import --mapping', () => {
  it('writes a mapping of the file without its reasons column and imports with it', async () => {
    dir = tempDir('tailor-rejects-mapping-');
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const workspacePath = path.join(dir, 'shop.tailor');
    expect((await cli(['init', workspacePath])).code).toBe(0);
    const rejects = write('customers-rejected.csv', REJECTS);
    const out = path.join(dir, 'mapping.json');
    const written = await cli(['mapping', workspacePath, '--customers', rejects, '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).not.toContain('the import would stop');
    const mapping = JSON.parse(fs.readFileSync(out, 'utf8')) as MappingFile;
    expect(mapping.columns.map((column) => column.header)).toEqual(['first_name', 'email', 'city']);
    const imported = await cli(['import', workspacePath, '--customers', rejects, '--mapping', out, '--json']);
    expect(imported.code, imported.stderr + imported.stdout).toBe(0);
    expect(JSON.parse(imported.stdout) as ImportReport).toMatchObject({ status: 'succeeded', rowsImported: 2, rowsRejected: 0 });
  });
});
