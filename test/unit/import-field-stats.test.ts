import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANONICAL_KEYS } from '../../shared/fields/canonical';
import { listFields } from '../../electron/workspace/customers-repo';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { populateDemo } from '../../electron/workspace/demo';
import { MAX_CUSTOM_FIELDS } from '../../electron/workspace/field-stats';
import { importCustomers } from '../../electron/workspace/import';
import { MIGRATIONS } from '../../electron/workspace/migrations';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-field-stats-'));
  db = openDatabase(path.join(dir, 'workspace.tailor'), { create: true });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The independent oracle: one full scan per field, as customers.fields used to do. */
function scanned(target: Db): Record<string, { filled: number; sample: string | null }> {
  const result: Record<string, { filled: number; sample: string | null }> = {};
  for (const key of CANONICAL_KEYS) {
    const row = target
      .prepare(`SELECT count(*) AS filled, min(${key}) AS sample FROM customers WHERE ${key} IS NOT NULL AND trim(${key}) <> ''`)
      .get() as { filled: number; sample: string | null };
    result[key] = row;
  }
  const custom = target.prepare('SELECT key FROM customer_fields').pluck().all() as string[];
  for (const key of custom) {
    const row = target
      .prepare(
        `SELECT count(*) AS filled, min(v) AS sample FROM (SELECT json_extract(attributes, ?) AS v FROM customers) WHERE v IS NOT NULL AND trim(v) <> ''`,
      )
      .get(`$."${key}"`) as { filled: number; sample: string | number | null };
    result[key] = { filled: row.filled, sample: row.sample === null ? null : String(row.sample) };
  }
  return result;
}

const cached = (target: Db): Record<string, { filled: number; sample: string | null }> =>
  Object.fromEntries(listFields(target).map((field) => [field.key, { filled: field.filled, sample: field.sample }]));

/**
 * After an import the fill counts are exact and each sample is a value some
 * customer has (the smallest, unless the import rewrote the holder of the smallest).
 */
function expectConsistent(target: Db): void {
  const oracle = scanned(target);
  const fields = listFields(target);
  expect(Object.fromEntries(fields.map((field) => [field.key, field.filled]))).toEqual(
    Object.fromEntries(Object.entries(oracle).map(([key, value]) => [key, value.filled])),
  );
  for (const field of fields) {
    if (field.filled === 0) {
      expect(field.sample).toBeNull();
      continue;
    }
    const value = field.kind === 'canonical' ? field.key : `json_extract(attributes, '$."${field.key}"')`;
    const holders = target.prepare(`SELECT count(*) FROM customers WHERE CAST(${value} AS TEXT) = ?`).pluck().get(field.sample) as number;
    expect(holders, `${field.key} sample ${field.sample}`).toBeGreaterThan(0);
  }
}

const stale = (target: Db): number => target.prepare('SELECT stale FROM field_stats_state').pluck().get() as number;

function writeCsv(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('field statistics cached at import', () => {
  it('each import updates the cache in its final transaction, matching a full scan', async () => {
    const steps = [
      'id,email,first_name,city,Loyalty Tier\nc1,ann@example.com,Ann,Paris,Gold\nc2,bob@example.com,Bob,,Silver\nc3,cy@example.com,Cy,Oslo,\n',
      // Touches the holder of every sample (Ann, Gold, Oslo's neighbour Paris) with larger values: the samples must move.
      'id,first_name,city,Loyalty Tier\nc1,Zed,Rome,Platinum\n',
      // New customers by email only, a new custom field, a blank that must not count.
      'email,first_name,Favourite Colour\naaron@example.com,Aaron,teal\nzoe@example.com,  ,red\n',
      // Updates by email and fills a field for an existing customer.
      'E-mail,Phone\nBOB@example.com,+33 1 23\n',
    ];
    for (const [index, csv] of steps.entries()) {
      const report = await importCustomers(db, writeCsv(`step${index}.csv`, csv));
      expect(report.status).toBe('succeeded');
      expect(stale(db)).toBe(0); // maintained by the import itself, not recomputed on read
      expectConsistent(db);
    }
    expect(cached(db).first_name).toEqual({ filled: 4, sample: 'Aaron' });
    expect(cached(db).loyalty_tier).toEqual({ filled: 2, sample: 'Platinum' });
    // The city's smallest value (Oslo) was never touched, so it stayed; Paris became Rome.
    expect(cached(db).city).toEqual({ filled: 2, sample: 'Oslo' });
  });

  it('any other change to customers marks the cache stale and the next read recomputes it', async () => {
    await importCustomers(db, writeCsv('a.csv', 'id,email,first_name,Tier\nc1,ann@example.com,Ann,Gold\nc2,bob@example.com,Bob,Silver\n'));
    expect(stale(db)).toBe(0);
    db.prepare(`UPDATE customers SET first_name = 'Abe' WHERE id = 'c2'`).run();
    expect(stale(db)).toBe(1);
    expect(cached(db).first_name).toEqual({ filled: 2, sample: 'Abe' });
    expect(stale(db)).toBe(0);
    db.prepare(`DELETE FROM customers WHERE id = 'c1'`).run();
    expect(cached(db)).toEqual(scanned(db));
    expect(cached(db).tier).toEqual({ filled: 1, sample: 'Silver' });
  });

  it('an existing workspace gets its statistics computed once, when migrated', () => {
    db.close();
    const file = path.join(dir, 'old.tailor');
    const old = new Database(file);
    old.exec(MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO customer_fields (key, label, created_at) VALUES ('tier', 'Tier', 'then')`).run();
    const insert = old.prepare(
      `INSERT INTO customers (id, email, first_name, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, 'then', 'then')`,
    );
    for (let i = 0; i < 50; i++)
      insert.run(`c${i}`, `c${i}@example.com`, i % 2 ? `Name${i}` : null, JSON.stringify(i % 3 ? { tier: `T${i}` } : {}));
    old.close();

    db = openDatabase(file, { create: false });
    expect(stale(db)).toBe(0);
    const rows = db.prepare(`SELECT key, filled, sample FROM field_stats WHERE key IN ('first_name', 'tier') ORDER BY key`).all();
    expect(rows).toEqual([
      { key: 'first_name', filled: 25, sample: 'Name1' },
      { key: 'tier', filled: 33, sample: 'T1' },
    ]);
    expect(cached(db)).toEqual(scanned(db));
  });

  it('the demo workspace goes through the same computation', async () => {
    await populateDemo(db, { customers: 300 });
    expect(stale(db)).toBe(0);
    expect(cached(db)).toEqual(scanned(db));
  });

  it('customers.fields reads the cache: fast on a large workspace (the 50 ms judgement is in test/bench)', () => {
    const insert = db.prepare(
      `INSERT INTO customers (id, email, first_name, city, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'then', 'then')`,
    );
    db.prepare(`INSERT INTO customer_fields (key, label, created_at) VALUES ('tier', 'Tier', 'then'), ('points', 'Points', 'then')`).run();
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++)
        insert.run(`c${i}`, `c${i}@example.com`, `Name${i}`, `City${i % 40}`, JSON.stringify({ tier: 'Gold', points: String(i) }));
    })();
    listFields(db); // recomputes once after the direct inserts
    const started = performance.now();
    const fields = listFields(db);
    expect(performance.now() - started).toBeLessThan(500);
    expect(fields.find((field) => field.key === 'points')).toMatchObject({ filled: 100_000, sample: '0' });
  });
});

describe('field limit', () => {
  it('an import that would take the workspace past the custom-field limit is refused, naming the limit', async () => {
    const columns = Array.from({ length: MAX_CUSTOM_FIELDS }, (_, i) => `f${i}`);
    const first = await importCustomers(
      db,
      writeCsv('wide.csv', `email,${columns.join(',')}\na@example.com,${columns.map(() => 'x').join(',')}\n`),
    );
    expect(first.status).toBe('failed'); // 2,001 columns: over the column limit
    const fits = await importCustomers(
      db,
      writeCsv(
        'fits.csv',
        `email,${columns.slice(1).join(',')}\na@example.com,${columns
          .slice(1)
          .map(() => 'x')
          .join(',')}\n`,
      ),
    );
    expect(fits.status).toBe('succeeded');
    const more = await importCustomers(db, writeCsv('more.csv', 'email,extra1,extra2\nb@example.com,1,2\n'));
    expect(more.status).toBe('failed');
    expect(more.message).toMatch(/would add 2 custom fields to the 1,999 this workspace has, and a workspace holds at most 2,000/);
    expect(listFields(db)).toHaveLength(9 + 1999);
  });
});
