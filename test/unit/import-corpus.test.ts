import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportReport } from '../../shared/contract/schemas';
import { listFields } from '../../electron/workspace/customers-repo';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';
import { listRejections } from '../../electron/workspace/imports-repo';
import * as corpus from '../fixtures/csv/corpus';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-corpus-'));
  db = openDatabase(path.join(dir, 'workspace.tailor'), { create: true });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const customer = (id: string): Record<string, unknown> | undefined =>
  db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as Record<string, unknown> | undefined;
const count = (sql: string): number => db.prepare(sql).pluck().get() as number;

/** Every record of the file is accounted for exactly once, and every physical line is counted. */
function expectAccounted(report: ImportReport, file: corpus.CorpusFile): void {
  expect(ImportReport.parse(report)).toEqual(report);
  expect(report.rowsCreated + report.rowsUpdated).toBe(report.rowsImported);
  expect(report.rowsCreated + report.rowsUpdated + report.rowsRejected + report.rowsSkipped).toBe(report.rowsRead);
  expect(report.rowsRead).toBe(file.records);
  expect(report.linesInFile).toBe(file.lines);
}

describe('broken quotes never end the read', () => {
  it('a closed 5 MB quoted value is rejected as one line range and the 1,000 rows after it are imported', async () => {
    const file = corpus.bigQuotedField(dir);
    const report = await importCustomers(db, file.file);
    expectAccounted(report, file);
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 1000, rowsRejected: 1 });
    const [from, to] = file.brokenLines;
    expect(report.rejections[0]?.line).toBe(from);
    expect(report.rejections[0]?.reason).toContain(
      `lines ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')} were skipped as one row`,
    );
    expect(report.rejections[0]?.raw.length).toBeLessThan(11_000);
    expect(customer('r999')).toMatchObject({ email: 'r999@example.com' });
    expect(customer('big')).toBeUndefined();
  });

  it('a quote that never closes rejects its own line only and the rest is read', async () => {
    const file = corpus.unclosedQuote(dir);
    const report = await importCustomers(db, file.file);
    expectAccounted(report, file);
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 1001, rowsRejected: 1 });
    expect(report.rejections[0]).toMatchObject({ line: 3, raw: 'u1,u1@example.com,"Never closed,Row' });
    expect(report.rejections[0]?.reason).toMatch(/never closed.*resumed at line 4/);
  });
});

describe('encodings', () => {
  it('one stray Windows-1252 byte at line 20,004 leaves the file UTF-8, rejects that row and keeps the existing Zoë', async () => {
    db.prepare(
      `INSERT INTO customers (id, email, first_name, last_name, created_at, updated_at) VALUES (?, 'zoe@example.com', 'Zoë', 'Dupont', 'then', 'then')`,
    ).run(`r${corpus.STRAY_LINE - 2}`);
    const file = corpus.strayWindows1252Byte(dir);
    const report = await importCustomers(db, file.file);
    expectAccounted(report, file);
    expect(report).toMatchObject({ status: 'succeeded', encoding: 'UTF-8', rowsRejected: 1, rowsImported: 29_999 });
    expect(report.encodingConfidence).toBeGreaterThan(99);
    expect(report.rejections).toHaveLength(1);
    expect(report.rejections[0]?.line).toBe(corpus.STRAY_LINE);
    expect(report.rejections[0]?.reason).toMatch(/byte 0xEB on this line is not valid UTF-8/);
    expect(customer(file.strayId)).toMatchObject({ first_name: 'Zoë', last_name: 'Dupont' });
    // The rest of the file was read as UTF-8, not as Windows-1252.
    expect(customer('r0')?.first_name).toBe('Zoë');
    expect(customer('r1')?.first_name).toBe('Jürgen');
    expect(count(`SELECT count(*) FROM customers WHERE first_name LIKE '%Ã%' OR first_name LIKE '%' || char(65533) || '%'`)).toBe(0);
  });

  it('a real Windows-1252 file is decoded as such, with the detector confidence in the report', async () => {
    const file = corpus.windows1252(dir);
    const report = await importCustomers(db, file.file);
    expectAccounted(report, file);
    expect(report.encoding).toBe('Windows-1252 (Western European)');
    expect(report.encodingConfidence).toBeGreaterThan(0);
    expect(report.message).toMatch(/read as Windows-1252 \(Western European\) \(\d+% confidence\)/);
    for (const person of file.expected) expect(customer(person.id)).toMatchObject({ first_name: person.first_name, city: person.city });
    expect(JSON.parse(String(customer('w1')?.attributes))).toEqual({ spend: '10 €' });
  });

  it.each(['le', 'be'] as const)('UTF-16 %s without a BOM is recognised', async (order) => {
    const file = corpus.utf16(dir, order);
    const report = await importCustomers(db, file.file);
    expectAccounted(report, file);
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 2, encoding: `UTF-16${order.toUpperCase()}` });
    const rows = db.prepare('SELECT email, first_name, city FROM customers ORDER BY email').all();
    expect(rows).toEqual([
      { email: 'taro@example.jp', first_name: '太郎', city: '東京' },
      { email: 'zoe@example.com', first_name: 'Zoë', city: 'Orléans' },
    ]);
  });

  it('CR-only line ends: rows split at CR and lines counted by CR', async () => {
    const file = corpus.crOnly(dir);
    const report = await importCustomers(db, file.file);
    expectAccounted(report, file);
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 3, rowsRejected: 1 });
    expect(report.rejections[0]).toMatchObject({ line: 5, raw: 'm3,not-an-email,Bad,' });
    expect(JSON.parse(String(customer('m1')?.attributes))).toEqual({ notes: 'two\rlines' });
  });
});

describe('values that would be damaged', () => {
  it('an existing value is not overwritten by its mojibake; the row is imported with a warning', async () => {
    await importCustomers(db, writeFile('first.csv', 'id,email,first_name,City,Nickname\nc1,zoe@example.com,Zoë,Orléans,Zozo\n'));
    const report = await importCustomers(
      db,
      writeFile('second.csv', 'id,email,first_name,City,Nickname\nc1,zoe@example.com,ZoÃ«,OrlÃ©ans,ZoÃ« the 2nd\n'),
    );
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 1, rowsUpdated: 1, rowsWarned: 1 });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]?.line).toBe(2);
    expect(report.warnings[0]?.message).toMatch(/first_name: kept "Zoë" instead of "ZoÃ«"; city: kept "Orléans"/);
    // A real change is still a change.
    expect(customer('c1')).toMatchObject({ first_name: 'Zoë', city: 'Orléans' });
    expect(JSON.parse(String(customer('c1')?.attributes))).toEqual({ nickname: 'ZoÃ« the 2nd' });
  });
});

describe('wide files', () => {
  it('a 100,000-column file is refused within seconds, saying the limit and what to do', async () => {
    await importCustomers(db, writeFile('ok.csv', 'email,first_name\nann@example.com,Ann\n'));
    const file = corpus.wide(dir);
    const started = performance.now();
    const report = await importCustomers(db, file.file);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(report.status).toBe('failed');
    expect(report.message).toMatch(/wide\.csv: it has at least [\d,]+ columns, and Tailor imports at most 2,000\. Remove the columns/);
    expect(count('SELECT count(*) FROM customer_fields')).toBe(0);
    expect(listFields(db).map((field) => field.key)).toContain('email');
  });

  it('a header just past the limit that fits the first read is refused with its exact width', async () => {
    const report = await importCustomers(db, corpus.wide(dir, 2001).file);
    expect(report.message).toMatch(/it has 2,001 columns/);
  });
});

describe('rejections can be paged whatever their number', () => {
  it('pages through the rejected rows of a file with many bad bytes', async () => {
    const good = Array.from({ length: 50 }, (_, i) => Buffer.from(`g${i},g${i}@example.com,Zoë\n`));
    const bad = Array.from({ length: 5 }, (_, i) =>
      Buffer.concat([Buffer.from(`b${i},b${i}@example.com,Zo`), Buffer.from([0xeb]), Buffer.from('\n')]),
    );
    const file = writeFile('few-bad.csv', Buffer.concat([Buffer.from('id,email,first_name\n'), ...good, ...bad]));
    const report = await importCustomers(db, file);
    expect(report).toMatchObject({ encoding: 'UTF-8', rowsImported: 50, rowsRejected: 5 });
    expect(listRejections(db, report.importId, 0, 10).rows.map((row) => row.line)).toEqual([52, 53, 54, 55, 56]);
  });
});

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
