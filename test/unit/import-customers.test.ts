import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportReport, type Job } from '../../shared/contract/schemas';
import type { JobControl } from '../../electron/services/jobs';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';
import { getImportReport, listImports, listRejections } from '../../electron/workspace/imports-repo';

const FIXTURES = fileURLToPath(new URL('../fixtures/csv/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);

interface CustomerRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  birth_date: string | null;
  gender: string | null;
  city: string | null;
  country: string | null;
  attributes: Record<string, string>;
  import_id: number | null;
  created_at: string;
  updated_at: string;
}

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-import-'));
  db = openDatabase(path.join(dir, 'workspace.tailor'), { create: true });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function customers(): CustomerRow[] {
  const rows = db.prepare('SELECT * FROM customers ORDER BY id').all() as (Omit<CustomerRow, 'attributes'> & { attributes: string })[];
  return rows.map((row) => ({ ...row, attributes: JSON.parse(row.attributes) as Record<string, string> }));
}

const customer = (id: string): CustomerRow | undefined => customers().find((row) => row.id === id);

const fields = (): { key: string; label: string }[] =>
  db.prepare('SELECT key, label FROM customer_fields ORDER BY key').all() as { key: string; label: string }[];

const count = (sql: string, ...params: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

function writeCsv(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function control(onProgress?: (update: Partial<Job['progress']>, abort: () => void) => void): {
  control: JobControl;
  updates: Partial<Job['progress']>[];
} {
  const abort = new AbortController();
  const updates: Partial<Job['progress']>[] = [];
  return {
    updates,
    control: {
      signal: abort.signal,
      progress: (update) => {
        updates.push(update);
        onProgress?.(update, () => abort.abort());
      },
    },
  };
}

describe('spreadsheet-style CSV', () => {
  it('fixture keeps its BOM, CRLF line ends and quoted line break', () => {
    const bytes = fs.readFileSync(fixture('spreadsheet.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(bytes.toString('utf8')).toContain('"Prefers email\nin German"');
  });

  it('imports BOM, CRLF, quoted commas/newlines/quotes, blank lines and non-ASCII names', async () => {
    const report = await importCustomers(db, fixture('spreadsheet.csv'));
    expect(report).toMatchObject({
      status: 'succeeded',
      file: 'spreadsheet.csv',
      rowsRead: 8,
      rowsImported: 5,
      rowsRejected: 0,
      rowsSkipped: 3,
      rejections: [],
    });
    expect(report.mapping.map((column) => `${column.key}:${column.kind}`)).toEqual([
      'id:canonical',
      'email:canonical',
      'first_name:canonical',
      'last_name:canonical',
      'full_name:custom',
      'city:canonical',
      'country:canonical',
      'loyalty_tier:custom',
      'notes:custom',
    ]);
    expect(report.mapping[0]?.header).toBe('Customer ID');
    expect(ImportReport.parse(report)).toEqual(report);
    expect(report.message).toContain('5 customers');
    expect(report.finishedAt).not.toBeNull();

    expect(customers().map((row) => row.id)).toEqual(['C001', 'C002', 'C003', 'C004', 'C005']);
    expect(customer('C001')).toMatchObject({
      email: 'zoe@example.com',
      first_name: 'Zoé',
      last_name: 'Dupont',
      city: 'Paris',
      country: 'FR',
      phone: null,
      attributes: { full_name: 'Dupont, Zoé', loyalty_tier: 'Gold' },
      import_id: report.importId,
    });
    expect(customer('C002')).toMatchObject({
      first_name: 'Jürgen',
      city: 'München',
      attributes: { full_name: 'Müller, Jürgen', loyalty_tier: 'Silver', notes: 'Prefers email\nin German' },
    });
    expect(customer('C003')).toMatchObject({
      first_name: 'Łukasz',
      city: 'Łódź',
      attributes: { full_name: 'Kowalski, Łukasz', notes: 'Said "call me Luke"' },
    });
    expect(customer('C004')).toMatchObject({ first_name: '太郎', last_name: '山田', city: '東京', attributes: { full_name: '山田 太郎' } });
    // Values are trimmed; empty cells become NULL / absent attributes.
    expect(customer('C005')).toMatchObject({
      email: 'ann.lee@example.com',
      first_name: 'Ann',
      city: null,
      attributes: { full_name: 'Lee, Ann', loyalty_tier: 'Bronze' },
    });
    expect(fields()).toEqual([
      { key: 'full_name', label: 'Full Name' },
      { key: 'loyalty_tier', label: 'Loyalty Tier' },
      { key: 'notes', label: 'Notes' },
    ]);
    expect(count('SELECT count(*) FROM import_staging')).toBe(0);
  });

  it('detects semicolon-delimited files', async () => {
    const report = await importCustomers(db, fixture('semicolon.csv'));
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 2, rowsRejected: 0 });
    const hans = customers().find((row) => row.email === 'hans@example.de');
    expect(hans).toMatchObject({ first_name: 'Hans', last_name: 'Müller; Sohn', city: 'Köln', attributes: { umsatz: '1234,50' } });
  });

  it('reads Windows-1252 and UTF-16 exports from Excel', async () => {
    const ansi = await importCustomers(db, fixture('windows-1252.csv'));
    expect(ansi.status).toBe('succeeded');
    expect(ansi.message).toContain('Windows-1252');
    expect(customers()[0]).toMatchObject({ first_name: 'Zoé', city: 'Orléans' });

    const unicode = await importCustomers(db, fixture('unicode-text.txt'));
    expect(unicode).toMatchObject({ status: 'succeeded', rowsImported: 1 });
    expect(customers()).toHaveLength(1); // same email: the same customer
  });

  it('notices Windows-1252 bytes that first appear after the sniffed start of the file', async () => {
    const ascii = Array.from({ length: 4000 }, (_, i) => `c${i}@example.com,Name${i}`).join('\r\n');
    const file = writeCsv(
      'late-ansi.csv',
      Buffer.concat([Buffer.from(`email,first_name\r\n${ascii}\r\n`), Buffer.from('jose@example.com,Jos\xe9\r\n', 'latin1')]),
    );
    expect(fs.statSync(file).size).toBeGreaterThan(64 * 1024);
    const report = await importCustomers(db, file);
    expect(report.status).toBe('succeeded');
    expect(customers().find((c) => c.email === 'jose@example.com')?.first_name).toBe('José');
  });

  it('accepts a header-only file as an empty, successful import', async () => {
    const report = await importCustomers(db, writeCsv('header-only.csv', 'email,first_name\r\n'));
    expect(report).toMatchObject({ status: 'succeeded', rowsRead: 0, rowsImported: 0 });
    expect(report.message).toContain('no customer rows');
  });
});

describe('broken rows', () => {
  const expected = [
    { line: 5, reason: /"not-an-email" is not a valid email address/ },
    { line: 6, reason: /^5 fields, but the header has 4; check for an unquoted comma/ },
    { line: 7, reason: /^3 fields, but the header has 4/ },
    { line: 8, reason: /no id and no email/ },
    { line: 9, reason: /same email as line 2/ },
    { line: 10, reason: /same id as line 2/ },
    { line: 14, reason: /never closed, so this line was rejected and reading resumed at line 15/ },
  ];

  it('reports each bad row at its physical line and imports the good ones', async () => {
    const report = await importCustomers(db, fixture('broken.csv'));
    // Line 14's quote never closes: only line 14 is rejected, and line 15 is read as the row it is.
    expect(report).toMatchObject({ status: 'succeeded', rowsRead: 11, rowsImported: 4, rowsRejected: 7, rowsSkipped: 0 });
    expect(report.rejections).toHaveLength(expected.length);
    report.rejections.forEach((rejection, index) => {
      expect(rejection.line).toBe(expected[index]?.line);
      expect(rejection.reason).toMatch(expected[index]?.reason ?? /^$/);
    });
    expect(report.rejections[1]?.raw).toBe('4,d@example.com,Dee,Dune,extra');
    expect(report.rejections[6]?.raw).toBe('8,h@example.com,Hal,"Unclosed');

    expect(customers().map((row) => row.id)).toEqual(['1', '2', '7', '9']);
    expect(customer('2')?.first_name).toBe('Bob\nthe builder');
    expect(customer('7')?.last_name).toBe('Multi\nline\nname');
  });

  it('counts lines the same way in a CRLF file', async () => {
    const crlf = fs.readFileSync(fixture('broken.csv'), 'utf8').replace(/\n/g, '\r\n');
    const report = await importCustomers(db, writeCsv('broken-crlf.csv', crlf));
    expect(report.rejections.map((rejection) => rejection.line)).toEqual(expected.map((row) => row.line));
    expect(report.rejections[0]?.raw).toBe('3,not-an-email,Cy,Cole');
    expect(customer('7')?.last_name).toBe('Multi\r\nline\r\nname');
  });

  it('pages through rejections', async () => {
    const { importId } = await importCustomers(db, fixture('broken.csv'));
    const page = listRejections(db, importId, 2, 3);
    expect(page.total).toBe(7);
    expect(listImports(db).map((entry) => ImportReport.parse(entry).rowsRejected)).toEqual([7]);
    expect(page.rows.map((row) => row.line)).toEqual([7, 8, 9]);
    expect(getImportReport(db, importId).rejections).toHaveLength(7);
  });

  it('a rejected duplicate does not block its other key for later rows', async () => {
    const csv = [
      'id,email',
      'a,one@example.com', // 2
      'b,ONE@example.com', // 3: duplicate email; id "b" stays free
      'a,two@example.com', // 4: duplicate id; email "two" stays free
      'b,three@example.com', // 5
      'c,two@example.com', // 6
    ].join('\n');
    const report = await importCustomers(db, writeCsv('dupes.csv', csv));
    expect(report.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'duplicate email "ONE@example.com": same email as line 2; keep one of the two rows'],
      [4, 'duplicate id "a": same id as line 2; keep one of the two rows'],
    ]);
    expect(customers().map((row) => `${row.id}:${row.email}`)).toEqual(['a:one@example.com', 'b:three@example.com', 'c:two@example.com']);
  });

  it('a quote that never closes in a large file costs only its own line: reading resumes on the next', async () => {
    const filler = Array.from({ length: 160_000 }, (_, i) => `f${i},f${i}@example.com,Filler`).join('\n');
    const file = writeCsv('runaway.csv', `id,email,first_name\n1,a@example.com,Ann\n2,b@example.com,"Bob\n${filler}\n`);
    const report = await importCustomers(db, file);
    expect(report).toMatchObject({ status: 'succeeded', rowsRead: 160_002, rowsImported: 160_001, rowsRejected: 1 });
    expect(report.rejections[0]?.line).toBe(3);
    expect(report.rejections[0]?.reason).toMatch(/never closed, so this line was rejected and reading resumed at line 4/);
    expect(report.rejections[0]?.raw).toBe('2,b@example.com,"Bob');
  });

  it('tolerates extra empty cells from a trailing delimiter', async () => {
    const report = await importCustomers(db, writeCsv('trailing.csv', 'email,first_name\na@example.com,Ann,,\n'));
    expect(report).toMatchObject({ rowsImported: 1, rowsRejected: 0 });
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['empty.csv', /empty/],
    ['workbook.csv', /spreadsheet .*export it as CSV \(UTF-8\)/],
    ['no-identity.csv', /no email or id column\. Columns found: Name, City, Loyalty Tier\. Name one column "email" or "id"/],
  ])('%s imports nothing and says why', async (name, message) => {
    const report = await importCustomers(db, fixture(name));
    expect(ImportReport.parse(report)).toEqual(report);
    expect(report.status).toBe('failed');
    expect(report.message).toMatch(message);
    expect(report.message).toContain(name);
    expect(report.rowsImported).toBe(0);
    expect(count('SELECT count(*) FROM customers')).toBe(0);
    expect(listImports(db).map((entry) => entry.status)).toEqual(['failed']);
  });

  it('rejects binary content, a missing file, a folder and blank-only text', async () => {
    const binary = writeCsv('export.csv', Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0x00, 0x01, 0x02, 0xff]));
    expect((await importCustomers(db, binary)).message).toMatch(/export\.csv: it looks like a spreadsheet or binary file/);

    const missing = await importCustomers(db, path.join(dir, 'nope.csv'));
    expect(missing).toMatchObject({ status: 'failed', file: 'nope.csv' });
    expect(missing.message).toMatch(/no file at .*nope\.csv/);

    const folder = await importCustomers(db, dir);
    expect(folder.message).toMatch(/is a folder/);

    const blank = await importCustomers(db, writeCsv('blank.csv', '\r\n\r\n  \r\n'));
    expect(blank.message).toMatch(/blank\.csv: it contains only blank lines/);

    expect(count('SELECT count(*) FROM customers')).toBe(0);
    expect(listImports(db)).toHaveLength(4);
  });

  it('uses the display name in history and messages', async () => {
    const report = await importCustomers(db, fixture('empty.csv'), { displayName: 'Customers June.csv' });
    expect(report.file).toBe('Customers June.csv');
    expect(report.message).toContain('Customers June.csv');
  });
});

describe('upserts', () => {
  it('re-import updates customers instead of duplicating them and merges attributes', async () => {
    const first = await importCustomers(
      db,
      writeCsv('v1.csv', 'id,email,first_name,city,Loyalty Tier\nc1,ann@example.com,Ann,Paris,Gold\nc2,bob@example.com,Bob,Rome,Silver\n'),
    );
    expect(first.rowsImported).toBe(2);
    const before = customer('c1');

    const second = await importCustomers(
      db,
      writeCsv('v2.csv', 'Customer ID,First Name,City,Favourite Colour\nc1,Annie,,teal\nc3,Cy,Oslo,red\n'),
    );
    expect(second).toMatchObject({ status: 'succeeded', rowsImported: 2 });
    expect(second.message).toContain('1 new, 1 updated');
    expect(customers().map((row) => row.id)).toEqual(['c1', 'c2', 'c3']);
    expect(customer('c1')).toMatchObject({
      email: 'ann@example.com', // not in the second file: kept
      first_name: 'Annie', // overwritten
      city: 'Paris', // empty cell: kept
      attributes: { loyalty_tier: 'Gold', favourite_colour: 'teal' },
      import_id: second.importId,
      created_at: before?.created_at,
    });
    expect(customer('c2')?.import_id).toBe(first.importId);
    expect(fields()).toEqual([
      { key: 'favourite_colour', label: 'Favourite Colour' },
      { key: 'loyalty_tier', label: 'Loyalty Tier' },
    ]);
  });

  it('identifies email-only rows by existing email, else by a stable derived id', async () => {
    await importCustomers(db, writeCsv('ids.csv', 'id,email,first_name\nX1,Ann@Example.com,Ann\n'));
    const report = await importCustomers(db, writeCsv('emails.csv', 'email,first_name\nann@example.com,Annie\nnew@example.com,Neu\n'));
    expect(report.rowsImported).toBe(2);
    const rows = customers();
    expect(rows).toHaveLength(2);
    expect(customer('X1')?.first_name).toBe('Annie');
    const derived = rows.find((row) => row.email === 'new@example.com');
    expect(derived?.id).toMatch(/^cus_[0-9a-f]{16}$/);

    await importCustomers(db, writeCsv('again.csv', 'E-mail,City\nNEW@example.com,Bergen\n'));
    expect(customers()).toHaveLength(2);
    expect(customer(derived?.id ?? '')?.city).toBe('Bergen');
  });
});

describe('streaming and cancellation', () => {
  function bigCsv(rows: number): string {
    const lines = ['id,email,first_name,last_name,city,Loyalty Tier'];
    for (let i = 0; i < rows; i++) {
      // A few bad rows, so there are rejections to clean up too.
      const email = i % 997 === 0 ? 'broken-email' : `user${i}@example.com`;
      lines.push(`big${i},${email},First${i},"Last, ${i}",City${i % 50},${i % 2 ? 'Gold' : 'Silver'}`);
    }
    return writeCsv('big.csv', `${lines.join('\r\n')}\r\n`);
  }

  it('reports progress in bytes and rows', async () => {
    const file = bigCsv(20_000);
    const { control: ctl, updates } = control();
    const report = await importCustomers(db, file, { control: ctl });
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 20_000 - 21, rowsRejected: 21 });
    const size = fs.statSync(file).size;
    expect(updates.length).toBeGreaterThan(1);
    expect(updates.at(-1)).toMatchObject({ done: size, total: size, unit: 'bytes', rows: 20_000 });
  });

  it('cancelling mid-import leaves customers exactly as before', async () => {
    await importCustomers(db, fixture('spreadsheet.csv'));
    const customersBefore = customers();
    const fieldsBefore = fields();
    const file = bigCsv(30_000);

    let stagedAtCancel = 0;
    const { control: ctl } = control((update, abort) => {
      if ((update.rows ?? 0) > 0 && stagedAtCancel === 0) {
        stagedAtCancel = count('SELECT count(*) FROM import_staging');
        abort();
      }
    });
    const report = await importCustomers(db, file, { control: ctl, batchSize: 1000 });

    expect(stagedAtCancel).toBe(998); // the first batch of 1,000 rows (two of them rejected) was staged before the cancel
    expect(report.status).toBe('cancelled');
    expect(report.message).toMatch(/Cancelled .* nothing from big\.csv was imported/);
    expect(report.rowsImported).toBe(0);
    expect(customers()).toEqual(customersBefore);
    expect(fields()).toEqual(fieldsBefore);
    expect(count('SELECT count(*) FROM import_staging')).toBe(0);
    expect(count('SELECT count(*) FROM import_rejections WHERE import_id = ?', report.importId)).toBe(0);
    expect(listImports(db).map((entry) => entry.status)).toEqual(['cancelled', 'succeeded']);

    // The workspace is still usable: the same file imports fully afterwards.
    const retry = await importCustomers(db, file);
    expect(retry).toMatchObject({ status: 'succeeded', rowsImported: 30_000 - 31 });
  });
});
