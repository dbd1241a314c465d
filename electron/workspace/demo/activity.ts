import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { ImportEntityName, ImportReport } from '../../../shared/contract/schemas';
import type { Db } from '../db';
import { importFile } from '../import';

/**
 * The demo's orders and events reach the workspace the way a user's do: as
 * CSV files through the import pipeline (header mapping, steps, staging,
 * linking, de-duplication), not as INSERTs that could drift from it.
 */

export type CsvRow = Record<string, string | number>;

/** Write `rows` as a CSV file under `dir` and import it as `entity`; anything but a clean import is a bug in the generator. */
async function importRows(
  db: Db,
  dir: string,
  entity: ImportEntityName,
  name: string,
  rows: readonly CsvRow[],
  columns: readonly string[],
): Promise<ImportReport> {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    `${Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? '')) }, { newline: '\n' })}\n`,
  );
  const report = await importFile(db, entity, file, { displayName: name, batchSize: 5000 });
  if (report.status !== 'succeeded' || report.rowsRejected > 0 || report.rowsUnlinked > 0) {
    const first = report.rejections[0];
    throw new Error(
      `The demo ${entity} did not import cleanly: ${report.message ?? report.status}${first ? ` (line ${first.line}: ${first.reason})` : ''}`,
    );
  }
  return report;
}

export const CUSTOMER_COLUMNS = ['id', 'email', 'first_name', 'last_name', 'phone', 'birth_date', 'gender', 'city', 'country'] as const;

/** Import the demo's customers as a CSV file; columns are headed as a CRM export would. */
export async function importDemoCustomers(db: Db, customers: readonly CsvRow[], columns: readonly string[]): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-demo-'));
  try {
    return (await importRows(db, dir, 'customers', 'Demo customers.csv', customers, columns)).rowsCreated;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const ORDER_COLUMNS = ['order_id', 'customer_id', 'ordered_at', 'total', 'currency', 'status', 'items', 'category'] as const;
export const EVENT_COLUMNS = ['customer_id', 'type', 'timestamp', 'product', 'category', 'value', 'campaign', 'page', 'device'] as const;

/** Import the demo's orders, then its events; resolves to how many of each were created. */
export async function importDemoActivity(
  db: Db,
  orders: readonly CsvRow[],
  events: readonly CsvRow[],
): Promise<{ orders: number; events: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-demo-'));
  try {
    const ordersReport = await importRows(db, dir, 'orders', 'Demo orders.csv', orders, ORDER_COLUMNS);
    const eventsReport = await importRows(db, dir, 'events', 'Demo events.csv', events, EVENT_COLUMNS);
    return { orders: ordersReport.rowsCreated, events: eventsReport.rowsCreated };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
