import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportReport } from '../../shared/contract/schemas';
import { firstLineHeaders, guessImportEntity } from '../../shared/imports/activity-headers';
import { createApp } from '../../electron/services/app';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { importCustomers, importFile, importInWorker } from '../../electron/workspace/import';
import { listImports } from '../../electron/workspace/imports-repo';
import { MIGRATIONS } from '../../electron/workspace/migrations';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-activity-'));
  db = openDatabase(path.join(dir, 'workspace.tailor'), { create: true });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeCsv(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const rows = <T>(sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];

/** The accounting every import promises: each record read is imported, rejected or skipped. */
function expectAccounted(report: ImportReport): void {
  expect(ImportReport.parse(report)).toEqual(report);
  expect(report.rowsRead).toBe(report.rowsImported + report.rowsRejected + report.rowsSkipped);
  expect(report.rowsImported).toBe(report.rowsCreated + report.rowsUpdated);
}

const CUSTOMERS = 'id,email,first_name\nC1,ann@example.com,Ann\nC2,Bob@Example.com,Bob\n';

interface OrderRow {
  id: string;
  customer_id: string | null;
  customer_key: string;
  customer_email: string | null;
  ordered_at: string;
  total: number;
  currency: string;
  status: string;
  items: number;
  category: string | null;
  attributes: string;
}

describe('orders import', () => {
  it('links orders to customers by external id and by email (case-insensitive)', async () => {
    await importCustomers(db, writeCsv('customers.csv', CUSTOMERS));
    const csv = [
      'Order ID,Customer ID,Email,Order Date,Amount,Currency,Items,Category,Status,Channel',
      'O1,C1,,2026-03-01T09:30:00Z,120.50,eur,2,Shoes,Completed,web',
      'O2,,BOB@example.com,2026-03-02,"99,90",,,,,store',
      'O3,C2,ann@example.com,2026-03-03 10:00,10,USD,1,Home,refunded,',
    ].join('\n');
    const report = await importFile(db, 'orders', writeCsv('orders.csv', csv));
    expectAccounted(report);
    expect(report).toMatchObject({ status: 'succeeded', entity: 'orders', rowsImported: 3, rowsCreated: 3, rowsUnlinked: 0, unlinked: [] });
    expect(report.message).toMatch(/^Imported 3 orders \(3 new, 0 updated\)\./);
    const orders = rows<OrderRow>('SELECT * FROM orders ORDER BY id');
    expect(orders.map((order) => [order.id, order.customer_id])).toEqual([
      ['O1', 'C1'],
      ['O2', 'C2'],
      // The id wins over the email when both are given.
      ['O3', 'C2'],
    ]);
    expect(orders[0]).toMatchObject({
      ordered_at: '2026-03-01T09:30:00.000Z',
      total: 120.5,
      currency: 'EUR',
      items: 2,
      category: 'Shoes',
      status: 'completed',
    });
    expect(JSON.parse(orders[0]?.attributes ?? '{}')).toEqual({ channel: 'web' });
    expect(orders[1]).toMatchObject({ ordered_at: '2026-03-02', total: 99.9, currency: 'USD', items: 1, customer_key: 'bob@example.com' });
    expect(orders[2]).toMatchObject({ ordered_at: '2026-03-03T10:00:00', status: 'refunded' });
  });

  it('keeps orders of unknown customers, reports them, and attaches them when the customer is imported later', async () => {
    await importCustomers(db, writeCsv('customers.csv', CUSTOMERS));
    const csv =
      'order_id,customer,date,total\nO1,C1,2026-01-05,10\nO2,C9,2026-01-06,20\nO3,Zed@Example.com,2026-01-07,30\nO4,C9,2026-01-08,40\n';
    const report = await importFile(db, 'orders', writeCsv('orders.csv', csv));
    expectAccounted(report);
    expect(report).toMatchObject({ rowsImported: 4, rowsUnlinked: 3 });
    expect(report.unlinked).toEqual([
      { line: 3, customerKey: 'C9' },
      { line: 4, customerKey: 'zed@example.com' },
      { line: 5, customerKey: 'C9' },
    ]);
    expect(report.message).toContain('3 orders name a customer who is not in this workspace yet (for example "C9" on line 3)');
    expect(rows('SELECT id, customer_id FROM orders ORDER BY id')).toEqual([
      { id: 'O1', customer_id: 'C1' },
      { id: 'O2', customer_id: null },
      { id: 'O3', customer_id: null },
      { id: 'O4', customer_id: null },
    ]);

    // The customers arrive: C9 by id, Zed by email only (a derived id), in another letter case.
    const later = await importCustomers(db, writeCsv('later.csv', 'id,email\nC9,c9@example.com\n,ZED@example.com\n'));
    expect(later.message).toContain('3 earlier orders and events now belong to their customers.');
    const linked = rows<{ id: string; customer_id: string | null }>('SELECT id, customer_id FROM orders ORDER BY id');
    expect(linked.map((order) => order.customer_id === null)).toEqual([false, false, false, false]);
    expect(linked[1]?.customer_id).toBe('C9');
    expect(linked[2]?.customer_id).toBe(rows<{ id: string }>(`SELECT id FROM customers WHERE email = 'ZED@example.com'`)[0]?.id);
  });

  it('does not duplicate orders on re-import: the same order id updates the order', async () => {
    await importCustomers(db, writeCsv('customers.csv', CUSTOMERS));
    const file = writeCsv(
      'orders.csv',
      'order_id,customer_id,date,amount,status\nO1,C1,2026-01-05,10,pending\nO2,C2,2026-01-06,20,pending\n',
    );
    await importFile(db, 'orders', file);
    const again = await importFile(
      db,
      'orders',
      writeCsv('orders2.csv', 'order_id,customer_id,date,amount,status\nO1,C1,2026-01-05,10,shipped\nO3,C2,2026-01-07,5,pending\n'),
    );
    expectAccounted(again);
    expect(again).toMatchObject({ rowsImported: 2, rowsCreated: 1, rowsUpdated: 1 });
    expect(rows('SELECT id, status FROM orders ORDER BY id')).toEqual([
      { id: 'O1', status: 'shipped' },
      { id: 'O2', status: 'pending' },
      { id: 'O3', status: 'pending' },
    ]);
  });

  it('rejects bad rows with their line and a reason, and imports the rest', async () => {
    const csv = [
      'order_id,email,date,amount,items',
      'O1,ann@example.com,2026-01-05,10,1',
      ',ann@example.com,2026-01-05,10,1',
      'O3,,2026-01-05,10,1',
      'O4,not-an-email,2026-01-05,10,1',
      'O5,ann@example.com,soon,10,1',
      'O6,ann@example.com,2026-02-30,10,1',
      'O7,ann@example.com,2026-01-05,"1,2,3",1',
      'O8,ann@example.com,2026-01-05,ten,1',
      'O9,ann@example.com,2026-01-05,10,two',
      'O1,ann@example.com,2026-01-06,11,1',
      '',
      'O10,ann@example.com,2026-01-05',
    ].join('\n');
    const report = await importFile(db, 'orders', writeCsv('bad.csv', `${csv}\n`));
    expectAccounted(report);
    // Line 3 has no order id: it is kept, known by its content (import-undo.test.ts covers that).
    expect(report).toMatchObject({ rowsRead: 12, rowsImported: 2, rowsRejected: 9, rowsSkipped: 1, rowsUnlinked: 2 });
    expect(report.rejections.map((rejection) => [rejection.line, rejection.reason])).toEqual([
      [4, expect.stringContaining('no customer id or email')],
      [5, expect.stringContaining('"not-an-email" is not a valid email address')],
      [6, expect.stringContaining('order date "soon" is not a date')],
      [7, expect.stringContaining('order date "2026-02-30" is not a date')],
      [8, expect.stringContaining('amount "1,2,3" is not a number')],
      [9, expect.stringContaining('amount "ten" is not a number')],
      [10, expect.stringContaining('items "two" is not a whole number')],
      [11, expect.stringContaining('duplicate order id "O1": same order id as line 2')],
      [13, expect.stringContaining('the header has 5')],
    ]);
    expect(report.rejections[0]?.raw).toBe('O3,,2026-01-05,10,1');
  });

  it('refuses a file without the columns an order needs, naming what is missing and what the file looks like', async () => {
    const report = await importFile(db, 'orders', writeCsv('customers.csv', CUSTOMERS));
    expect(report.status).toBe('failed');
    expect(report.message).toMatch(
      /Cannot import customers\.csv as orders: it has no order date, no amount column\. Columns found: id, email, first_name\./,
    );
    expect(report.message).toContain('The columns look like customers: import it as customers instead.');
    expect(rows('SELECT * FROM orders')).toEqual([]);
  });
});

describe('events import', () => {
  const EVENTS = [
    'customer,event,timestamp,product,category,value,campaign',
    'C1,product_view,2026-03-01T09:30:00Z,P1,Shoes,,',
    'bob@example.com,Cart Add,2026-03-01T09:31:00+01:00,P1,Shoes,49.90,',
    'C7,email_open,2026-03-02 08:00:00,,,,Spring',
    'C1,purchase,2026-03-03T10:00:00Z,P1,Shoes,"49,90",',
  ].join('\n');

  it('links events by id and email, keeps unknown customers unlinked, and attaches them later', async () => {
    await importCustomers(db, writeCsv('customers.csv', CUSTOMERS));
    const report = await importFile(db, 'events', writeCsv('events.csv', EVENTS));
    expectAccounted(report);
    expect(report).toMatchObject({ status: 'succeeded', entity: 'events', rowsImported: 4, rowsCreated: 4, rowsUnlinked: 1 });
    expect(report.unlinked).toEqual([{ line: 4, customerKey: 'C7' }]);
    const events = rows<{ customer_id: string | null; type: string; occurred_at: string; properties: string }>(
      'SELECT customer_id, type, occurred_at, properties FROM events ORDER BY id',
    );
    expect(events.map((event) => [event.customer_id, event.type, event.occurred_at])).toEqual([
      ['C1', 'product_view', '2026-03-01T09:30:00.000Z'],
      ['C2', 'cart_add', '2026-03-01T08:31:00.000Z'],
      [null, 'email_open', '2026-03-02T08:00:00'],
      ['C1', 'purchase', '2026-03-03T10:00:00.000Z'],
    ]);
    expect(JSON.parse(events[1]?.properties ?? '')).toEqual({ product: 'P1', category: 'Shoes', value: 49.9 });
    expect(JSON.parse(events[2]?.properties ?? '')).toEqual({ campaign: 'Spring' });

    await importCustomers(db, writeCsv('later.csv', 'id,email\nC7,c7@example.com\n'));
    expect(rows('SELECT customer_id FROM events WHERE customer_id IS NULL')).toEqual([]);
  });

  it('does not duplicate events on re-import (content hash), but a different value is another event', async () => {
    await importCustomers(db, writeCsv('customers.csv', CUSTOMERS));
    const file = writeCsv('events.csv', EVENTS);
    await importFile(db, 'events', file);
    const again = await importFile(db, 'events', file);
    expectAccounted(again);
    expect(again).toMatchObject({ rowsImported: 4, rowsCreated: 0, rowsUpdated: 4 });
    expect(again.message).toMatch(/^Imported 4 events \(0 new, 4 already in the workspace\)\./);
    const changed = await importFile(
      db,
      'events',
      writeCsv(
        'more.csv',
        'customer_id,type,timestamp,product,value\nC1,purchase,2026-03-03T10:00:00Z,P1,59.90\nC1,product_view,2026-03-01T09:30:00Z,P1,\n',
      ),
    );
    expect(changed).toMatchObject({ rowsCreated: 1, rowsUpdated: 1 });
    expect(rows('SELECT count(*) AS n FROM events')).toEqual([{ n: 5 }]);
  });

  it('rejects events without a customer, type or readable timestamp, with line and reason', async () => {
    const csv =
      'email,type,timestamp,value\n,product_view,2026-03-01,\na@example.com,,2026-03-01,\na@example.com,view,yesterday,\na@example.com,view,2026-03-01,lots\na@example.com,view,2026-03-01,1\n';
    const report = await importFile(db, 'events', writeCsv('bad-events.csv', csv));
    expectAccounted(report);
    expect(report).toMatchObject({ rowsRead: 5, rowsImported: 1, rowsRejected: 4 });
    expect(report.rejections.map((rejection) => [rejection.line, rejection.reason])).toEqual([
      [2, expect.stringContaining('no customer id or email')],
      [3, expect.stringContaining('no event type')],
      [4, expect.stringContaining('timestamp "yesterday" is not a date and time')],
      [5, expect.stringContaining('value "lots" is not a number')],
    ]);
  });
});

describe('through the worker and the contract', () => {
  it('imports orders and events on the worker thread with the entity in the report', async () => {
    await importCustomers(db, writeCsv('customers.csv', CUSTOMERS));
    const control = { signal: new AbortController().signal, progress: () => undefined };
    const orders = await importInWorker(
      db,
      'orders',
      writeCsv('o.csv', 'order_id,email,date,total\nO1,ann@example.com,2026-01-01,5\nO2,x@example.com,2026-01-01,6\n'),
      { control },
    );
    expect(orders).toMatchObject({ status: 'succeeded', entity: 'orders', rowsImported: 2, rowsUnlinked: 1 });
    const events = await importInWorker(
      db,
      'events',
      writeCsv('e.csv', 'customer_id,type,timestamp\nC2,email_click,2026-01-01T00:00:00Z\n'),
      { control },
    );
    expect(events).toMatchObject({ status: 'succeeded', entity: 'events', rowsImported: 1, rowsUnlinked: 0 });
    expect(listImports(db).map((report) => report.entity)).toEqual(['events', 'orders', 'customers']);
  });

  it('a cancelled orders import leaves no order and no staged row behind', async () => {
    const lines = ['order_id,customer_id,date,total'];
    for (let i = 0; i < 60_000; i++) lines.push(`O${i},C${i % 50},2026-01-01,${i % 100}.50`);
    const file = writeCsv('big-orders.csv', `${lines.join('\n')}\n`);
    const abort = new AbortController();
    const report = await importInWorker(db, 'orders', file, {
      batchSize: 500,
      control: { signal: abort.signal, progress: () => abort.abort() },
    });
    expect(report).toMatchObject({ status: 'cancelled', entity: 'orders', rowsImported: 0 });
    expect(rows('SELECT count(*) AS n FROM orders')).toEqual([{ n: 0 }]);
    expect(rows('SELECT count(*) AS n FROM import_staging')).toEqual([{ n: 0 }]);
  });

  it('imports.start runs an orders job of kind import.orders; customers stay the default', async () => {
    const previousHome = process.env.TAILOR_HOME;
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'cli', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'contract.tailor'), demo: false });
      const customers = await app.client.call('imports.start', { path: writeCsv('c.csv', CUSTOMERS) });
      expect((await app.jobs.settle(customers.jobId)).kind).toBe('import.customers');
      const started = await app.client.call('imports.start', {
        path: writeCsv('o.csv', 'order_id,customer_id,date,total\nO1,C1,2026-01-01,5\n'),
        entity: 'orders',
      });
      const job = await app.jobs.settle(started.jobId);
      expect(job).toMatchObject({
        kind: 'import.orders',
        status: 'succeeded',
        result: { entity: 'orders', rowsImported: 1, rowsUnlinked: 0 },
      });
    } finally {
      await app.close();
      if (previousHome === undefined) delete process.env.TAILOR_HOME;
      else process.env.TAILOR_HOME = previousHome;
    }
  });
});

describe('header guess and narrow value parsing', () => {
  it('guesses what a header row holds only when it is obvious', () => {
    expect(guessImportEntity(['Order ID', 'Email', 'Created at', 'Total'])).toBe('orders');
    expect(guessImportEntity(['customer_id', 'event', 'timestamp', 'product'])).toBe('events');
    expect(guessImportEntity(['id', 'email', 'first_name'])).toBe('customers');
    expect(guessImportEntity(['a', 'b'])).toBeNull();
    expect(firstLineHeaders('\uFEFF\n"Order ID";E-mail;Total\r\nO1;a@example.com;5')).toEqual(['Order ID', 'E-mail', 'Total']);
    expect(guessImportEntity(firstLineHeaders('customer_id\tevent\ttimestamp\n'))).toBe('events');
  });
});

describe('dates and amounts in the file’s locale', () => {
  const ordersOf = () =>
    rows<{ id: string; ordered_at: string; total: number; currency: string }>(
      'SELECT id, ordered_at, total, currency FROM orders ORDER BY id',
    );

  it('reads a French file’s day-first dates and "1 234,50" / "1.234,50 €" amounts', async () => {
    const csv = [
      'order_id;email;date;amount;currency',
      'F1;ann@example.com;02/05/2024;1 234,50;EUR',
      'F2;ann@example.com;25/05/2024;1.234,50 €;',
      'F3;ann@example.com;03/06/2024 14:30;12,00;',
      'F4;ann@example.com;2024-06-04T09:30:00+02:00;7;USD',
    ].join('\r\n');
    const report = await importFile(db, 'orders', writeCsv('commandes.csv', csv));
    expectAccounted(report);
    expect(report.rejections).toEqual([]);
    expect(ordersOf()).toEqual([
      { id: 'F1', ordered_at: '2024-05-02', total: 1234.5, currency: 'EUR' },
      { id: 'F2', ordered_at: '2024-05-25', total: 1234.5, currency: 'EUR' },
      { id: 'F3', ordered_at: '2024-06-03T14:30:00', total: 12, currency: 'USD' },
      { id: 'F4', ordered_at: '2024-06-04T07:30:00.000Z', total: 7, currency: 'USD' },
    ]);
  });

  it('reads a German file’s dotted dates and amounts, and a chosen locale where the data does not decide', async () => {
    const german = 'order_id;email;date;amount\nG1;ann@example.com;02.05.2024;1.234,50 €\nG2;ann@example.com;03.05.2024;99,95\n';
    expect((await importFile(db, 'orders', writeCsv('bestellungen.csv', german))).rowsRejected).toBe(0);
    expect(ordersOf().map((order) => [order.id, order.ordered_at, order.total])).toEqual([
      ['G1', '2024-05-02', 1234.5],
      ['G2', '2024-05-03', 99.95],
    ]);

    // Nothing in this file says which day order or decimal mark it uses: the chosen locale does.
    const ambiguous = 'order_id,email,date,amount\nA1,ann@example.com,02/05/2024,1.234\n';
    const locale = { decimalSeparator: ',' as const, thousandsSeparator: '.' as const, dateOrder: 'day-first' as const };
    await importFile(db, 'orders', writeCsv('a.csv', ambiguous), { settings: { locale } });
    expect(ordersOf().find((order) => order.id === 'A1')).toMatchObject({ ordered_at: '2024-05-02', total: 1234 });
    await importFile(db, 'orders', writeCsv('a.csv', ambiguous));
    expect(ordersOf().find((order) => order.id === 'A1')).toMatchObject({ ordered_at: '2024-02-05', total: 1.234 });
  });

  it('reads events’ day-first timestamps and decimal-comma values', async () => {
    const csv = 'customer;type;timestamp;value\nC1;purchase;02/05/2024 14:30;1 234,50\nC1;purchase;25/05/2024 09:00;12,50 €\n';
    const report = await importFile(db, 'events', writeCsv('evenements.csv', csv));
    expect(report.rejections).toEqual([]);
    const events = rows<{ occurred_at: string; properties: string }>('SELECT occurred_at, properties FROM events ORDER BY id');
    expect(events.map((event) => [event.occurred_at, (JSON.parse(event.properties) as { value?: number }).value])).toEqual([
      ['2024-05-02T14:30:00', 1234.5],
      ['2024-05-25T09:00:00', 12.5],
    ]);
  });
});

describe('migration', () => {
  it('keeps the orders and events of a workspace from before linking, each linked and keyed by its customer', async () => {
    const file = path.join(dir, 'old.tailor');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, 3)) old.exec(migration);
    old.pragma('user_version = 3');
    old.prepare(`INSERT INTO customers (id, email, created_at, updated_at) VALUES ('C1', 'ann@example.com', 'then', 'then')`).run();
    old.prepare(`INSERT INTO orders (id, customer_id, ordered_at, total) VALUES ('O1', 'C1', '2025-01-01', 12.5)`).run();
    old
      .prepare(
        `INSERT INTO events (id, customer_id, type, occurred_at, properties) VALUES (7, 'C1', 'email_open', '2025-01-02', '{"campaign":"X"}')`,
      )
      .run();
    old.close();

    const migrated = openDatabase(file, { create: false });
    try {
      expect(migrated.prepare('SELECT id, customer_id, customer_key, total, currency, attributes FROM orders').all()).toEqual([
        { id: 'O1', customer_id: 'C1', customer_key: 'C1', total: 12.5, currency: 'USD', attributes: '{}' },
      ]);
      expect(migrated.prepare('SELECT id, customer_id, customer_key, type, properties, content_hash FROM events').all()).toEqual([
        { id: 7, customer_id: 'C1', customer_key: 'C1', type: 'email_open', properties: '{"campaign":"X"}', content_hash: null },
      ]);
      const report = await importFile(
        migrated,
        'orders',
        writeCsv('o.csv', 'order_id,email,date,total\nO2,ANN@example.com,2025-02-01,3\n'),
      );
      expect(report).toMatchObject({ rowsImported: 1, rowsUnlinked: 0 });
    } finally {
      migrated.close();
    }
  });
});
