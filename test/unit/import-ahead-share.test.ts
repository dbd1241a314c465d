import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { resolveRules } from '../../shared/validation';
import { detectDialect } from '../../electron/workspace/import/dialect';
import { unpackRecords } from '../../electron/workspace/import/parse/packed-records';
import type { ParseAck, ParseMessage } from '../../electron/workspace/import/parse/protocol';
import { parseTask } from '../../electron/workspace/import/parse/worker';
import type { CsvRecord } from '../../electron/workspace/import/records';
import type { ValidationPlan } from '../../electron/workspace/import/validation/row-validator';

const csv = `id,email\n${Array.from({ length: 60 }, (_, i) => `c${i},c${i}@example.com`).join('\n')}\n`;
const plan: ValidationPlan = {
  entity: 'customers',
  rules: resolveRules([]).filter((rule) => rule.action !== 'off'),
  locale: { decimalSeparator: '.', thousandsSeparator: ',', dateOrder: 'month-first' },
  now: Date.parse('2026-01-01'),
  columns: [
    ['id', 'id'],
    ['email', 'email'],
  ],
  read: [
    { index: 0, key: 'id' },
    { index: 1, key: 'email' },
  ],
};

describe('the parse thread validates ahead only while the import has records waiting', () => {
  it('a batch read while the import waits (nothing queued) is left to it; batches read while others wait are validated', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-share-')), 'c.csv');
    fs.writeFileSync(file, csv);
    const { port1, port2 } = new MessageChannel();
    const batches: CsvRecord[][] = [];
    port1.on('message', (message: ParseMessage) => {
      if (message.kind === 'records') batches.push(unpackRecords(message.packed));
    });
    // The plan is there before the first record; no batch is ever acknowledged.
    port1.postMessage({ kind: 'plans', plans: { validation: plan } } satisfies ParseAck);
    const task = parseTask({ file, encoding: 'utf-8', dialect: detectDialect(csv), batchRecords: 10, port: port2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches).toHaveLength(4);
    // The header opens the first batch; its data rows were read while nothing was queued.
    expect(batches[0]?.slice(1).every((record) => record.ahead !== undefined && record.ahead.validation === undefined)).toBe(true);
    for (const batch of batches.slice(1)) expect(batch.every((record) => record.ahead?.validation?.findings.length === 0)).toBe(true);
    while (batches.length < 7) {
      port1.postMessage({ kind: 'ack' } satisfies ParseAck);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await task;
    port1.close();
  });
});
