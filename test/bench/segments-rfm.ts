import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../electron/services/app';
import { openDatabase } from '../../electron/workspace/db';
import { PACKAGE_TIERS } from '../../shared/scores/rfm/default-tiers';
import { dayAfter } from '../../shared/scores/rfm/rfm-table';

/*
 * segments.rfm: a full RFM recompute on a generated workspace of SEG_CUSTOMERS customers (1,000,000 by default)
 * and SEG_ORDERS orders (5,000,000), through Tailor's own path (the scores.rfm.run job: a worker with its own
 * connection, aggregates, bins, tiers, the summary, and the four scores of every customer written in one
 * transaction), against the same work hand-written in SQL and run by the sqlite3 command line on the same file:
 * the R/F/M aggregates, NTILE binning, a tier CASE, the summary's GROUP BY and the same four inserts, with the
 * same pragmas (foreign keys on, synchronous NORMAL). Each side runs twice, interleaved, after one untimed warm-up
 * run, and the averages are compared (goal ≤ 1.5×).
 */

const SQLITE3 = '/usr/bin/sqlite3';
const AS_OF = '2026-06-30';

/** Customers and orders straight into SQLite: spread over three years, every customer's orders on distinct days. */
function generate(file: string, customers: number, orders: number): void {
  const db = openDatabase(file, { create: true });
  db.pragma('synchronous = OFF');
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${customers})
    INSERT INTO customers (id, email, created_at, updated_at) SELECT 'C' || i, 'c' || i || '@example.com', '2023-01-01', '2023-01-01' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${orders})
    INSERT INTO orders (id, customer_id, customer_key, ordered_at, total)
    SELECT 'O' || i, 'C' || (1 + (i * 7919) % ${customers}), 'C' || (1 + (i * 7919) % ${customers}),
      strftime('%Y-%m-%dT%H:%M:%SZ', '2023-07-01', '+' || ((i * 37) % 1100) || ' days', '+' || (i % 86400) || ' seconds'),
      round(5 + ((i * 2654435761) % 50000) / 100.0, 2)
    FROM n;
  `);
  db.close();
}

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The hand-written reference: what a developer would type for the same result, as one sqlite3 script. */
function referenceSql(): string {
  const tier = PACKAGE_TIERS.map(
    (rule) =>
      `WHEN r BETWEEN ${rule.recency[0]} AND ${rule.recency[1]} AND f BETWEEN ${rule.frequency[0]} AND ${rule.frequency[1]} ` +
      `AND m BETWEEN ${rule.monetary[0]} AND ${rule.monetary[1]} THEN ${literal(rule.name)}`,
  ).join(' ');
  return `
PRAGMA foreign_keys = ON;
PRAGMA synchronous = NORMAL;
PRAGMA busy_timeout = 5000;
CREATE TEMP TABLE b (customer_id TEXT PRIMARY KEY, recency INTEGER, frequency INTEGER, monetary REAL) WITHOUT ROWID;
INSERT INTO b SELECT customer_id, CAST(round(julianday('${AS_OF}') - julianday(substr(max(ordered_at), 1, 10))) AS INTEGER), count(*), total(total)
  FROM orders WHERE customer_id IS NOT NULL AND ordered_at < '${dayAfter(AS_OF)}' GROUP BY customer_id;
CREATE TEMP TABLE s (customer_id TEXT PRIMARY KEY, frequency INTEGER, monetary REAL, r INTEGER, f INTEGER, m INTEGER) WITHOUT ROWID;
INSERT INTO s SELECT customer_id, frequency, monetary, 6 - ntile(5) OVER (ORDER BY recency), ntile(5) OVER (ORDER BY frequency), ntile(5) OVER (ORDER BY monetary) FROM b;
CREATE TEMP TABLE summary AS SELECT r, f, m, count(*) AS customers, sum(frequency) AS orders, total(monetary) AS revenue FROM s GROUP BY r, f, m;
BEGIN;
DELETE FROM customer_scores WHERE score IN ('rfm_r', 'rfm_f', 'rfm_m', 'rfm_tier');
INSERT INTO customer_scores (score, customer_id, value, label) SELECT 'rfm_r', customer_id, r, NULL FROM s;
INSERT INTO customer_scores (score, customer_id, value, label) SELECT 'rfm_f', customer_id, f, NULL FROM s;
INSERT INTO customer_scores (score, customer_id, value, label) SELECT 'rfm_m', customer_id, m, NULL FROM s;
INSERT INTO customer_scores (score, customer_id, value, label) SELECT 'rfm_tier', customer_id, NULL, CASE ${tier} ELSE 'Others' END FROM s;
INSERT INTO score_runs (model, as_of, model_version, settings, summary, computed_at)
  VALUES ('rfm', '${AS_OF}', 'reference', '{}', (SELECT json_group_array(json_array(r, f, m, customers, orders, revenue)) FROM summary), datetime('now'))
  ON CONFLICT(model) DO UPDATE SET as_of = excluded.as_of, model_version = excluded.model_version, summary = excluded.summary, computed_at = excluded.computed_at;
COMMIT;
`;
}

function runReference(file: string, script: string): number {
  const started = performance.now();
  const result = spawnSync(SQLITE3, [file], { input: script, encoding: 'utf8', stdio: ['pipe', 'ignore', 'pipe'] });
  if (result.status !== 0 || result.stderr) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return performance.now() - started;
}

export async function benchSegmentsRfm(dir: string): Promise<void> {
  if (!fs.existsSync(SQLITE3)) {
    console.log(`segments.rfm       skipped: the reference needs ${SQLITE3} (apt-get install sqlite3)`);
    return;
  }
  const customers = Number(process.env.SEG_CUSTOMERS ?? 1_000_000);
  const orders = Number(process.env.SEG_ORDERS ?? 5_000_000);
  const file = path.join(dir, 'segments-rfm.tailor');
  const started = performance.now();
  generate(file, customers, orders);
  console.log(
    `(generated ${customers.toLocaleString('en')} customers and ${orders.toLocaleString('en')} orders in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  process.env.TAILOR_HOME = path.join(dir, 'home');
  const app = createApp({ host: 'direct', nativeDialogs: false });
  await app.client.call('workspace.open', { path: file });
  const tailorRun = async (): Promise<number> => {
    const begun = performance.now();
    const job = await app.jobs.settle((await app.client.call('scores.rfm.run', { asOf: AS_OF })).jobId);
    if (job.status !== 'succeeded') throw new Error(`RFM job ${job.status}: ${job.message}`);
    return performance.now() - begun;
  };
  const script = referenceSql();
  try {
    await tailorRun();
    const reference: number[] = [];
    const tailor: number[] = [];
    for (let round = 0; round < 2; round++) {
      reference.push(runReference(file, script));
      tailor.push(await tailorRun());
    }
    const scored = app.session
      .require()
      .db.prepare(`SELECT count(*) FROM customer_scores WHERE score = 'rfm_tier'`)
      .pluck()
      .get() as number;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const size = `${(customers / 1e6).toLocaleString('en')}M cust × ${(orders / 1e6).toLocaleString('en')}M ord`;
    const [t, r] = [mean(tailor), mean(reference)];
    console.log(
      `${'segments.rfm'.padEnd(18)} ${size.padEnd(22)} tailor ${t.toFixed(0).padStart(6)} ms   sqlite3 ${r.toFixed(0).padStart(6)} ms   ` +
        `ratio ${(t / r).toFixed(2)}x (goal ≤ 1.5×; ${scored.toLocaleString('en')} customers scored; runs ${tailor.map((ms) => ms.toFixed(0)).join(', ')} / ${reference.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
    );
  } finally {
    await app.close();
  }
}
