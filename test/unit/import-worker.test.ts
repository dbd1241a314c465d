import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importReportOf, type Job } from '../../shared/contract/schemas';
import { createApp } from '../../electron/services/app';
import { IMPORT_CUSTOMERS, JobManager } from '../../electron/services/jobs';
import type { Db } from '../../electron/workspace/db';
import { importCustomers, importCustomersInWorker } from '../../electron/workspace/import';
import { listImports } from '../../electron/workspace/imports-repo';
import { useWorkspaceDb } from '../support/workspace-db';

const workspace = useWorkspaceDb('tailor-import-worker-');
const count = (sql: string, ...params: unknown[]): number => workspace.count(sql, ...params);
let dir: string;
let db: Db;
beforeEach(() => {
  ({ dir, db } = workspace);
});

function bigCsv(rows: number): string {
  const file = path.join(dir, 'big.csv');
  const lines = ['id,email,first_name,Loyalty Tier'];
  for (let i = 0; i < rows; i++) lines.push(`big${i},${i % 997 === 0 ? 'broken-email' : `user${i}@example.com`},Zoë ${i},Gold`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('import on a worker thread', () => {
  it('imports with its own connection, reports progress as messages and keeps the main thread free', async () => {
    const file = bigCsv(60_000);
    const updates: Partial<Job['progress']>[] = [];
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const report = await importCustomersInWorker(db, file, {
      displayName: 'Big.csv',
      control: { signal: new AbortController().signal, progress: (update) => updates.push(update) },
    });
    clearInterval(ticker);

    expect(report).toMatchObject({
      status: 'succeeded',
      file: 'Big.csv',
      rowsImported: 60_000 - 61,
      rowsRejected: 61,
      rowsCreated: 60_000 - 61,
    });
    expect(updates.length).toBeGreaterThan(1);
    expect(updates.at(-1)).toMatchObject({ done: fs.statSync(file).size, unit: 'bytes', rows: 60_000 });
    expect(count('SELECT count(*) FROM customers')).toBe(60_000 - 61);
    // The whole import, final transaction included, ran elsewhere: the main thread never stalled for long.
    expect(longestGap).toBeLessThan(1000);
  });

  it('the host keeps writing to the workspace while the worker imports, and neither fails', async () => {
    const file = bigCsv(40_000);
    const save = db.prepare(`INSERT INTO templates (name, source, created_at, updated_at) VALUES (?, '<mjml></mjml>', 'now', 'now')`);
    let saves = 0;
    const saver = setInterval(() => save.run(`Autosave ${saves++}`), 5);
    const report = await importCustomersInWorker(db, file, {
      control: { signal: new AbortController().signal, progress: () => undefined },
    });
    clearInterval(saver);
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 40_000 - 41 });
    expect(saves).toBeGreaterThan(10);
    expect(count('SELECT count(*) FROM templates')).toBe(saves);
  });

  it('imports.start runs the import off the host thread: it advances while that thread is blocked', async () => {
    const previousHome = process.env.TAILOR_HOME;
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'app.tailor') });
      const appDb = app.session.require().db;
      const rowsRead = (): number => appDb.prepare(`SELECT rows_read FROM imports`).pluck().get() as number;
      const { jobId } = await app.client.call('imports.start', { path: bigCsv(300_000) });
      while ((await app.client.call('jobs.get', { jobId })).progress.rows === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const before = rowsRead();
      const until = performance.now() + 1500;
      while (performance.now() < until) {
        // Busy: nothing on this thread runs, so only another thread can move the import on.
      }
      expect(rowsRead()).toBeGreaterThan(before);
      await app.client.call('jobs.cancel', { jobId });
      expect((await app.jobs.settle(jobId)).status).toBe('cancelled');
    } finally {
      await app.close();
      process.env.TAILOR_HOME = previousHome;
    }
  });

  it('a file problem comes back as a failed report, as in-process', async () => {
    const report = await importCustomersInWorker(db, path.join(dir, 'missing.csv'), {
      control: { signal: new AbortController().signal, progress: () => undefined },
    });
    expect(report).toMatchObject({ status: 'failed', file: 'missing.csv' });
    expect(report.message).toMatch(/no file at/);
  });

  it('cancelling terminates the worker and leaves no staged rows, rejections or customers behind', async () => {
    await importCustomers(db, writeFile('before.csv', 'id,email,first_name\nkeep,keep@example.com,Keep\n'));
    const before = db.prepare('SELECT * FROM customers').all();
    const file = bigCsv(300_000);
    const jobs = new JobManager();
    let rowsSeen = 0;
    let stagedInWorkspace = -1;
    const job = jobs.start(IMPORT_CUSTOMERS, (control) =>
      importCustomersInWorker(db, file, {
        control: {
          signal: control.signal,
          progress: (update) => {
            control.progress(update);
            if ((update.rows ?? 0) > 0 && rowsSeen === 0) {
              rowsSeen = update.rows ?? 0;
              // Staged rows live in the worker connection's temp tables, never in the workspace file.
              stagedInWorkspace = count('SELECT count(*) FROM main.import_staging');
              jobs.cancel(job.id);
            }
          },
        },
      }),
    );
    const settled = await jobs.settle(job.id);

    expect(rowsSeen).toBeGreaterThan(0); // the worker had staged rows when the cancel came
    expect(stagedInWorkspace).toBe(0);
    // Whole job on failure: its message says why (it once was "database is locked": see abandonImport).
    expect(settled).toMatchObject({ status: 'cancelled' });
    expect(settled.result?.message).toMatch(/Cancelled after reading [\d,]+ rows; nothing from big\.csv was imported/);
    expect(count('SELECT count(*) FROM import_staging')).toBe(0);
    expect(count('SELECT count(*) FROM import_rejections WHERE import_id = ?', importReportOf(settled)?.importId)).toBe(0);
    expect(db.prepare('SELECT * FROM customers').all()).toEqual(before);
    expect(listImports(db).map((entry) => entry.status)).toEqual(['cancelled', 'succeeded']);
  });
});

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
