import type Database from 'better-sqlite3';
import type { createApp } from '../../electron/services/app';

/*
 * The workspace behind the judgement "a 6-persona preview refresh costs at most
 * 1.2x on a million customers what it costs on the demo": shared by the
 * benchmark (test/bench) and its regression test (test/contract/preview-scale.test.ts).
 */

/**
 * A large workspace made quickly: the demo workspace, then SCALE_ROWS more
 * customers copied from the demo ones by one recursive-CTE INSERT, so segment
 * membership keeps the demo's proportions. New ids sort before the demo's, so
 * "first member in id order" has to look through the generated rows.
 */
export function addGeneratedCustomers(db: Database.Database, rows: number): void {
  db.exec(`
    CREATE TEMP TABLE demo_rows AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM customers;
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ${rows})
    INSERT INTO customers (id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes, created_at, updated_at)
    SELECT printf('A%07d', i), printf('bulk%07d@example.com', i), d.first_name, d.last_name, d.phone, d.birth_date, d.gender, d.city,
           d.country, d.attributes, d.created_at, d.updated_at
    FROM seq JOIN demo_rows d ON d.n = i % (SELECT count(*) FROM demo_rows);
    DROP TABLE demo_rows;
  `);
}

/**
 * Six personas: the demo's three segment personas, two fixed customers, and a
 * segment nobody matches, whose search for a first member is a full scan.
 */
export async function sixPersonaWorkspace(app: ReturnType<typeof createApp>, file: string, extraRows: number): Promise<string> {
  await app.client.call('workspace.create', { path: file, demo: true });
  if (extraRows > 0) addGeneratedCustomers(app.session.require().db, extraRows);
  for (const id of ['C10001', 'C10002']) {
    await app.client.call('personas.save', { label: `Customer ${id}`, source: { kind: 'customer', customerId: id } });
  }
  const nobody = await app.client.call('segments.save', {
    name: 'Nobody',
    rule: { match: 'all', conditions: [{ field: 'city', op: 'equals', value: 'Nowhere at all' }] },
  });
  await app.client.call('personas.save', { label: 'Nobody', source: { kind: 'segment', segmentId: nobody.id } });
  const [first] = await app.client.call('templates.list', {});
  return (await app.client.call('templates.get', { id: first!.id })).source;
}

export async function previewRefreshes(app: ReturnType<typeof createApp>, source: string, runs: number, label: string): Promise<number> {
  const first = await app.client.call('preview.render', { source });
  if (first.previews.length !== 6 || first.previews.filter((p) => p.html !== null).length !== 5) {
    throw new Error(`${label}: expected 6 previews, 5 of them rendered`);
  }
  const started = performance.now();
  for (let i = 0; i < runs; i++) await app.client.call('preview.render', { source: `${source}\n<!-- ${label} edit ${i} -->` });
  return performance.now() - started;
}
