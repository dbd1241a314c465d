import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';
import { tempDir } from '../support/temp';

/**
 * What a customers import stores, pinned: typed values, field types and
 * contexts, statistics, flags, rejections and counts for every export fixture,
 * a re-import, and a bench-shaped file (plain amounts, dates, a boolean,
 * unique phones). Written once by the import as it was before the throughput
 * work (UPDATE_GOLDEN=1 rewrites it), so a faster path must store exactly the
 * same thing.
 */

const EXPORTS = fileURLToPath(new URL('../fixtures/csv/exports/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../fixtures/golden/import-typed.json', import.meta.url));

const TIERS = ['Gold', 'Silver', 'Bronze'];
const CITIES = ['"Kraków, PL"', 'München', 'Paris', 'São Paulo'];
const COUNTRIES = ['PL', 'DE', 'FR', 'BR'];

/** The benchmark's shape (test/bench/run.ts), small. */
function benchShaped(file: string, rows: number): void {
  const lines = [
    'Customer ID,E-mail,First Name,Last Name,Phone,Birth Date,City,Country,Lifetime Value,Newsletter,Signup Date,Loyalty Tier',
  ];
  for (let i = 0; i < rows; i++) {
    const k = i % 4;
    const birth = `${1950 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const signup = `20${10 + (i % 15)}-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`;
    const phone = i % 97 === 5 ? '12' : `+33 6 ${String(10_000_000 + i).replace(/(\d\d)(?=\d)/g, '$1 ')}`;
    const email = i % 89 === 7 ? `user${i}@gmial.com` : i % 131 === 3 ? 'not an email' : `user${i}@example.com`;
    lines.push(
      `C${i % 1900},${email},Zoë,Müller,${phone},${birth},${CITIES[k]},${COUNTRIES[k]},${((i % 5000) / 3).toFixed(2)},${i % 3 === 0 ? 'true' : 'false'},${signup},${TIERS[i % 3]}`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Everything an import decides, without times and paths. */
function snapshot(file: string): unknown {
  const db = openDatabase(file, { create: false });
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).all();
    return {
      customers: all(
        'SELECT id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes, typed, import_id FROM customers ORDER BY id',
      ),
      fields: all('SELECT key, label, type, locale, warning FROM customer_fields ORDER BY key'),
      canonical: all('SELECT key, type, locale, warning FROM canonical_field_types ORDER BY key'),
      stats: all('SELECT kind, key, filled, sample FROM field_stats ORDER BY kind, key'),
      flags: all(
        'SELECT customer_id, import_id, rule, message, suggestion FROM customer_flags ORDER BY customer_id, import_id, rule, message',
      ),
      rejections: all('SELECT import_id, line, reason, raw FROM import_rejections ORDER BY import_id, line'),
      findings: all(
        'SELECT import_id, line, rule, action, message, suggestion FROM import_findings ORDER BY import_id, line, rule, message',
      ),
      imports: all(
        `SELECT id, kind, status, rows_read, rows_imported, rows_rejected, rows_skipped, rows_created, rows_updated, rows_warned,
                rows_flagged, rule_counts, mapping, message, encoding FROM imports ORDER BY id`,
      ),
    };
  } finally {
    db.close();
  }
}

/** `threaded`: parsed on a parse thread in small batches, so most rows are validated there, ahead (ahead.ts). */
async function importAll(files: readonly string[], dir: string, threaded = false): Promise<unknown> {
  const workspace = path.join(dir, `${path.basename(files[0] ?? 'x')}${threaded ? '-threaded' : ''}.tailor`);
  const db = openDatabase(workspace, { create: true });
  try {
    for (const file of files)
      await importCustomers(db, file, { displayName: path.basename(file), ...(threaded ? { parseThread: true, batchSize: 50 } : {}) });
  } finally {
    db.close();
  }
  return snapshot(workspace);
}

describe('what a customers import stores', () => {
  it('is exactly what the import stored before the throughput work', { timeout: 120_000 }, async () => {
    const dir = tempDir('tailor-golden-');
    const bench = path.join(dir, 'bench-shaped.csv');
    benchShaped(bench, 1000);
    const fixtures = fs
      .readdirSync(EXPORTS)
      .filter((name) => name.endsWith('.csv'))
      .sort()
      .map((name) => path.join(EXPORTS, name));
    const cases: Record<string, readonly string[]> = {
      ...Object.fromEntries(fixtures.map((file) => [path.basename(file), [file]])),
      'shopify then hubspot then shopify again': ['shopify-customers.csv', 'hubspot-contacts.csv', 'shopify-customers.csv'].map((name) =>
        path.join(EXPORTS, name),
      ),
      'bench-shaped, twice': [bench, bench],
    };
    const actual: Record<string, unknown> = {};
    for (const [name, files] of Object.entries(cases)) actual[name] = await importAll(files, dir);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;
    for (const name of Object.keys(cases)) expect({ name, ...(actual[name] as object) }).toEqual({ name, ...(golden[name] as object) });
  });

  it('is the same when rows are validated ahead on the parse thread', { timeout: 120_000 }, async () => {
    const dir = tempDir('tailor-golden-threaded-');
    const bench = path.join(dir, 'bench-shaped.csv');
    benchShaped(bench, 1000);
    const cases: Record<string, readonly string[]> = {
      'bench-shaped, twice': [bench, bench],
      'excel-de-windows-1252.csv': [path.join(EXPORTS, 'excel-de-windows-1252.csv')],
      // Into the same workspace as the next case, as in the test above.
      'shopify-customers.csv': [path.join(EXPORTS, 'shopify-customers.csv')],
      'shopify then hubspot then shopify again': ['shopify-customers.csv', 'hubspot-contacts.csv', 'shopify-customers.csv'].map((name) =>
        path.join(EXPORTS, name),
      ),
    };
    const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;
    for (const [name, files] of Object.entries(cases)) {
      expect({ name, ...((await importAll(files, dir, true)) as object) }).toEqual({ name, ...(golden[name] as object) });
    }
  });
});
