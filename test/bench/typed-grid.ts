import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../electron/services/app';
import { fieldCatalogue } from '../../electron/workspace/customers-repo';
import { storeTypedValues } from '../../electron/workspace/typed-values';
import { addGeneratedCustomers } from '../support/scale-workspace';

/*
 * Cost of typed storage and of the grid's typed sort at scale (not part of the suite; run with tsx):
 *   ROWS=200000 npx tsx test/bench/typed-grid.ts
 * A demo workspace grown by ROWS copied customers; the typed values of every customer are
 * computed once (the same function an import runs over the customers it touched), then the
 * grid's first page, a middle page and the last page are read sorted by a money field.
 */
async function main() {
  const rows = Number(process.env.ROWS ?? 200_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-typed-bench-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const app = createApp({ host: 'direct', nativeDialogs: false });
  try {
    await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor'), demo: true });
    const { db } = app.session.require();
    addGeneratedCustomers(db, rows);
    const total = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const catalogue = fieldCatalogue(db);
    let started = performance.now();
    db.transaction(() => storeTypedValues(db, catalogue, '1 = 1'))();
    const typedMs = performance.now() - started;
    console.log(
      `${total} customers, ${Object.keys(catalogue).length} typed fields: typed values stored in ${typedMs.toFixed(0)} ms (${((typedMs / total) * 1000).toFixed(1)} µs/row)`,
    );
    const page = async (offset: number, label: string) => {
      const t = performance.now();
      await app.client.call('customers.list', { offset, limit: 200, sort: { field: 'lifetime_value', direction: 'desc' } });
      console.log(`  sorted page ${label} (offset ${offset}): ${(performance.now() - t).toFixed(0)} ms`);
    };
    await page(0, 'first, creates the index');
    await page(0, 'first again');
    await page(Math.floor(total / 2), 'middle');
    await page(total - 200, 'last');
    started = performance.now();
    await app.client.call('customers.list', { offset: 0, limit: 200, filters: [{ field: 'lifetime_value', op: 'gt', value: '1000' }] });
    console.log(`  filtered (lifetime_value > 1000) first page with count: ${(performance.now() - started).toFixed(0)} ms`);
    started = performance.now();
    await app.client.call('customers.list', { offset: 0, limit: 200 });
    console.log(`  unsorted first page with count: ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
void main();
