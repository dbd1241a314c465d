import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { DEFAULT_CONTEXT, parsePhone } from '../../shared/fields/types';
import { openDatabase } from '../../electron/workspace/db';

/**
 * The floor under import.customers: the time to write the rows an import produced, already parsed,
 * typed and validated, into an empty workspace's `customers` table, and nothing else. One prepared
 * statement in one transaction, the fastest way better-sqlite3 has to put rows in. No import can
 * beat this, so `sqlite3 .import` time / this time is the best throughput ratio reachable with the
 * workspace's schema (a text primary key, the email index, the JSON checks, the statistics trigger),
 * whatever the parsing, typing and validation cost. `bareMs` is the same into a table of the same
 * columns keyed by id alone, with no index, checks or trigger.
 */
export function customersWriteFloor(imported: string, dir: string): { ms: number; bareMs: number; rows: number } {
  const source = openDatabase(imported, { create: false });
  const columns = source.prepare(`SELECT name FROM pragma_table_info('customers') ORDER BY cid`).pluck().all() as string[];
  const rows = source.prepare(`SELECT * FROM customers`).raw().all() as unknown[][];
  source.close();

  const file = path.join(dir, 'floor.tailor');
  fs.rmSync(file, { force: true });
  const db = openDatabase(file, { create: true });
  // Every row names the import that brought it in (a foreign key): give them one to name.
  const importIds = new Set(rows.map((row) => row[columns.indexOf('import_id')]));
  const addImport = db.prepare(
    `INSERT INTO imports (id, kind, file_name, file_path, status, started_at) VALUES (?, 'customers', 'floor', 'floor', 'succeeded', '')`,
  );
  for (const id of importIds) if (id !== null) addImport.run(id);
  const insert = db.prepare(`INSERT INTO customers (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const start = performance.now();
  db.transaction(() => {
    for (const row of rows) insert.run(row);
  }).immediate();
  const ms = performance.now() - start;

  // The same rows into a bare table of the same columns keyed by id alone: what the schema's index, checks and trigger cost.
  db.exec(`CREATE TABLE bare (${columns.map((column) => (column === 'id' ? 'id TEXT PRIMARY KEY' : column)).join(', ')})`);
  const bare = db.prepare(`INSERT INTO bare (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const bareStart = performance.now();
  db.transaction(() => {
    for (const row of rows) bare.run(row);
  }).immediate();
  const bareMs = performance.now() - bareStart;
  db.close();
  return { ms, bareMs, rows: rows.length };
}

/**
 * Two more costs no import of this file can avoid, each measured alone: reading the CSV into records
 * (papaparse, over the whole text at once: its fastest) and checking every phone number with
 * libphonenumber-js (the E.164 normalisation and validity rule). With the write floor they
 * bound the import from below: on `cores` cores, at best they all overlap perfectly.
 */
export function unavoidableWork(csv: string): { parseMs: number; phoneMs: number } {
  const text = fs.readFileSync(csv, 'utf8');
  let start = performance.now();
  const records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const parseMs = performance.now() - start;
  const phoneColumn = (records[0] ?? []).findIndex((header) => /phone/i.test(header));
  start = performance.now();
  let valid = 0;
  for (let i = 1; i < records.length; i++) if (parsePhone(records[i]?.[phoneColumn] ?? '', DEFAULT_CONTEXT).ok) valid++;
  const phoneMs = performance.now() - start;
  if (valid === 0) throw new Error(`no valid phone in ${csv}`);
  return { parseMs, phoneMs };
}
