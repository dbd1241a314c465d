import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';
import { detectDialect } from '../../electron/workspace/import/dialect';
import { readRecordsInThread } from '../../electron/workspace/import/parse/read-in-thread';
import { MAX_IN_FLIGHT, type ParseMessage } from '../../electron/workspace/import/parse/protocol';
import { unpackRecords } from '../../electron/workspace/import/parse/packed-records';
import { parseTask } from '../../electron/workspace/import/parse/worker';
import { successMessage } from '../../electron/workspace/import/finish';
import { skipFor, type ImportContext } from '../../electron/workspace/import/pipeline';
import { readRecords, type CsvRecord } from '../../electron/workspace/import/records';
import { createImportRecord } from '../../electron/workspace/import/run-import';
import { SKIPPED_SAMPLE, Stager } from '../../electron/workspace/import/stager';
import { listImports } from '../../electron/workspace/imports-repo';
import { useWorkspaceDb } from '../support/workspace-db';

/**
 * The import's write path: rows and rejections wait in the importing
 * connection's temp tables and reach the workspace only in the final
 * transaction; large files are parsed on a thread of their own.
 */

const workspace = useWorkspaceDb('tailor-write-path-');
const count = (sql: string, ...params: unknown[]): number => workspace.count(sql, ...params);
let dir: string;
let db: Db;
beforeEach(() => {
  ({ dir, db } = workspace);
});
const customers = (): unknown[] => db.prepare('SELECT * FROM customers ORDER BY id').all();

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Customers with a rejected row every 97 lines (an invalid email). */
function bigCsv(rows: number): string {
  const lines = ['id,email,first_name,City,Loyalty Tier'];
  for (let i = 0; i < rows; i++) lines.push(`big${i},${i % 97 === 0 ? 'not-an-email' : `user${i}@example.com`},"Zoë ${i}",Lyon,Gold`);
  return writeFile('big.csv', `${lines.join('\n')}\n`);
}

async function seed(): Promise<unknown[]> {
  await importCustomers(db, writeFile('seed.csv', 'id,email,first_name\nkeep,keep@example.com,Keep\nbig3,old@example.com,Old\n'));
  return customers();
}

describe('rows wait in temp tables until the final transaction', () => {
  it('while streaming, the workspace file holds no staged row and no rejection of the import', async () => {
    const file = bigCsv(5000);
    const seen: { mainStaged: number; tempStaged: number; rejections: number }[] = [];
    const report = await importCustomers(db, file, {
      batchSize: 1000,
      control: {
        progress: () => {
          if (count('SELECT count(*) FROM temp.sqlite_master WHERE name = ?', 'import_staging') === 0) return;
          seen.push({
            mainStaged: count('SELECT count(*) FROM main.import_staging'),
            tempStaged: count('SELECT count(*) FROM temp.import_staging'),
            rejections: count('SELECT count(*) FROM main.import_rejections'),
          });
        },
      },
    });
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 5000 - 52, rowsRejected: 52 });
    expect(seen.some(({ tempStaged }) => tempStaged > 0)).toBe(true);
    expect(seen.every(({ mainStaged, rejections }) => mainStaged === 0 && rejections === 0)).toBe(true);
    // The rejections arrive with the commit, with their lines and raw text; the scratch tables are emptied.
    expect(count('SELECT count(*) FROM import_rejections WHERE import_id = ?', report.importId)).toBe(52);
    expect(db.prepare('SELECT line, raw FROM import_rejections ORDER BY line LIMIT 1').get()).toEqual({
      line: 2,
      raw: 'big0,not-an-email,"Zoë 0",Lyon,Gold',
    });
    expect(count('SELECT count(*) FROM temp.import_staging')).toBe(0);
    expect(count('SELECT count(*) FROM temp.import_rejected')).toBe(0);
  });

  it('a failure inside the final transaction leaves customers, rejections and fields exactly as before', async () => {
    const before = await seed();
    const fieldsBefore = db.prepare('SELECT * FROM customer_fields').all();
    // Stands in for any failure of the commit (a full disk, a bug), after the customers were upserted.
    db.exec(`CREATE TRIGGER fail_commit BEFORE INSERT ON customer_fields BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await expect(importCustomers(db, bigCsv(5000))).rejects.toThrow(/disk full/);

    expect(customers()).toEqual(before);
    expect(db.prepare('SELECT * FROM customer_fields').all()).toEqual(fieldsBefore);
    expect(listImports(db).map((entry) => entry.status)).toEqual(['failed', 'succeeded']);
    expect(count('SELECT count(*) FROM import_rejections')).toBe(0);
    expect(count('SELECT count(*) FROM import_staging')).toBe(0);
    expect(count('SELECT count(*) FROM temp.import_rejected')).toBe(0);
  });

  it('a cancel with the parse thread on stops it and leaves customers exactly as before', async () => {
    const before = await seed();
    let rowsAtCancel = 0;
    const abort = new AbortController();
    const report = await importCustomers(db, bigCsv(30_000), {
      parseThread: true,
      batchSize: 1000,
      control: {
        signal: abort.signal,
        progress: (update) => {
          if (update.rows > 0 && rowsAtCancel === 0) {
            rowsAtCancel = update.rows;
            abort.abort();
          }
        },
      },
    });
    expect(rowsAtCancel).toBeGreaterThan(0);
    expect(report.status).toBe('cancelled');
    expect(customers()).toEqual(before);
    expect(count('SELECT count(*) FROM import_rejections WHERE import_id = ?', report.importId)).toBe(0);
    expect(count('SELECT count(*) FROM temp.import_staging')).toBe(0);
    // The connection is fine for the next import, which brings every row.
    expect(await importCustomers(db, bigCsv(30_000), { parseThread: true })).toMatchObject({
      status: 'succeeded',
      rowsImported: 30_000 - 310,
    });
  });

  it('a process killed mid-import leaves the workspace as before, the import marked interrupted, no rejections', async () => {
    const before = await seed();
    const workspace = db.name;
    db.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../support/import-child.ts', import.meta.url)), workspace, bigCsv(200_000)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    const killed = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Well into the file (rows staged, rejections among them), long before its end.
        const rows = Number(/rows (\d+)\n$/.exec(output)?.[1] ?? 0);
        if (rows >= 5000 && child.exitCode === null) resolve(child.kill('SIGKILL'));
      });
      child.on('exit', () => resolve(false));
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(killed).toBe(true);
    expect(output).not.toMatch(/finished/);

    const reopened = openDatabase(workspace, { create: false });
    try {
      expect(reopened.prepare('SELECT * FROM customers ORDER BY id').all()).toEqual(before);
      expect(listImports(reopened).map((entry) => entry.status)).toEqual(['interrupted', 'succeeded']);
      expect(reopened.prepare('SELECT count(*) FROM import_rejections').pluck().get()).toBe(0);
      expect(reopened.prepare('SELECT count(*) FROM import_staging').pluck().get()).toBe(0);
    } finally {
      reopened.close();
    }
  }, 60_000);
});

describe('the parse thread', () => {
  const nasty =
    'id,email,note\r\n' +
    'a1,a1@example.com,"multi\r\nline"\r\n' +
    'a2,a2@example.com,"never closed\r\n' +
    'a3,a3@example.com,plain\r\n' +
    '\r\n' +
    'a4,a4@example.com,"a ""quoted"" word"\r\n' +
    Array.from({ length: 500 }, (_, i) => `b${i},b${i}@example.com,"x, ${i}"\r\n`).join('') +
    'Total,,\r\n';

  async function collect(generator: AsyncGenerator<CsvRecord[]>): Promise<CsvRecord[]> {
    const records: CsvRecord[] = [];
    for await (const batch of generator) records.push(...batch);
    return records;
  }

  it('gives exactly the records the reader gives, in order, whatever the batch size', async () => {
    const file = writeFile('nasty.csv', nasty);
    const dialect = detectDialect(nasty);
    const bytes: number[] = [];
    const inline = await collect(readRecords(file, 'utf-8', dialect, { onBytes: () => undefined }));
    const threaded = await collect(readRecordsInThread(file, 'utf-8', dialect, { onBytes: (done) => bytes.push(done) }, 7));
    expect(inline.length).toBe(507);
    expect(threaded).toEqual(inline);
    expect(bytes.at(-1)).toBe(fs.statSync(file).size);
  });

  it('a failed read reaches the import with its errno code, so it is worded as the file system problem it is', async () => {
    const missing = path.join(dir, 'gone.csv');
    await expect(collect(readRecordsInThread(missing, 'utf-8', detectDialect('a,b'), { onBytes: () => undefined }))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it(`keeps at most ${MAX_IN_FLIGHT} batches unconsumed, so a slow writer never makes it buffer the file`, async () => {
    const file = writeFile('nasty.csv', nasty);
    const { port1, port2 } = new MessageChannel();
    const received: ParseMessage[] = [];
    port1.on('message', (message: ParseMessage) => received.push(message));
    const task = parseTask({ file, encoding: 'utf-8', dialect: detectDialect(nasty), batchRecords: 10, port: port2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.length).toBe(MAX_IN_FLIGHT);
    // Each ack lets exactly one more batch through, until the file is done.
    for (let acked = 0; received.at(-1)?.kind !== 'done'; acked++) {
      expect(received.length).toBeLessThanOrEqual(MAX_IN_FLIGHT + acked + 1);
      port1.postMessage({ kind: 'ack' });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await task;
    port1.close();
    const records = received.flatMap((message) => (message.kind === 'records' ? unpackRecords(message.packed) : []));
    expect(records.length).toBe(507);
  });
});

describe('what an import keeps per row stays bounded, whatever the file size', () => {
  it('rows skipped with a reason are counted, and only the first few are kept for the message', () => {
    const importId = createImportRecord(db, 'customers', 'report.csv', 'report.csv');
    const context: ImportContext = {
      db,
      importId,
      name: 'report.csv',
      mapping: [],
      dialect: { delimiter: ',', newline: '\n' },
      encoding: { encoding: 'utf-8', label: 'UTF-8', confidence: 100, invalidSequences: 0, badBytes: new Map() },
    };
    // A step that skips every row with a reason (as a validation rule might).
    const stager = new Stager(context, [{ name: 'skip-all', run: () => skipFor('not for email') }]);
    const records = Array.from({ length: 20_000 }, (_, i): CsvRecord => ({
      line: i + 2,
      endLine: i + 2,
      fields: [`row ${i}`],
      text: `row ${i}\n`,
      problem: null,
    }));
    for (let i = 0; i < records.length; i += 1000) stager.flush(records.slice(i, i + 1000));

    expect(stager.counters).toEqual({ rowsRead: 20_000, rowsStaged: 0, rowsRejected: 0, rowsSkipped: 20_000 });
    expect(stager.skippedFor.count).toBe(20_000);
    expect(stager.skippedFor.sample.length).toBe(SKIPPED_SAMPLE);
    const message = successMessage(stager.counters, { created: 0, updated: 0, warned: 0 }, context.encoding, undefined, stager.skippedFor);
    expect(message).toContain(
      '20,000 report lines were skipped, not imported (line 2: not for email; line 3: not for email; line 4: not for email; and 19,997 more).',
    );
    expect(message).not.toMatch(/blank line/);
  });
});
