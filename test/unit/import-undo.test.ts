import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/envelope';
import { followJob } from '../../shared/contract/follow-job';
import type { Db } from '../../electron/workspace/db';
import { recomputeFieldStats } from '../../electron/workspace/field-stats';
import { importCustomers, importFile, undoImport } from '../../electron/workspace/import';
import { undoRefusal, type UndoFacts } from '../../electron/workspace/import/undo/refusal';
import { listImports } from '../../electron/workspace/imports-repo';
import { savePersona } from '../../electron/workspace/personas-repo';
import { freshWorkspace } from '../support/workspace-app';
import { useWorkspaceDb } from '../support/workspace-db';

const workspace = useWorkspaceDb('tailor-undo-');
const csv = (name: string, text: string): string => workspace.csv(name, text);
let db: Db;
beforeEach(() => {
  db = workspace.db;
});

/** Everything an import may change, read back whole: undo must bring every table back to this. */
function state(target: Db = db): Record<string, unknown[]> {
  const all = (sql: string) => target.prepare(sql).all();
  return {
    customers: all('SELECT * FROM customers ORDER BY id'),
    orders: all('SELECT * FROM orders ORDER BY id'),
    events: all('SELECT * FROM events ORDER BY id'),
    customer_fields: all('SELECT * FROM customer_fields ORDER BY key'),
    canonical_field_types: all('SELECT * FROM canonical_field_types ORDER BY key'),
    field_stats: all('SELECT * FROM field_stats ORDER BY kind, key'),
    field_stats_state: all('SELECT * FROM field_stats_state'),
    customer_flags: all('SELECT customer_id, import_id, rule, message, suggestion FROM customer_flags ORDER BY customer_id, rule, message'),
  };
}

/** The cached statistics, and what a full recompute over the same customers gives. */
function statsAndRecomputed(): { cached: unknown[]; recomputed: unknown[] } {
  const cached = db.prepare('SELECT * FROM field_stats ORDER BY kind, key').all();
  const stale = db.prepare('SELECT stale FROM field_stats_state').pluck().get();
  recomputeFieldStats(db);
  const recomputed = db.prepare('SELECT * FROM field_stats ORDER BY kind, key').all();
  return { cached: stale === 0 ? cached : ['stale'], recomputed };
}

const refused = (run: () => unknown): ContractError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('undo was not refused');
};

const FIRST = 'id,email,first_name,city,tier,score\nC1,ann@example.com,Ann,Paris,gold,5\nC2,bob@example.com,Bob,,silver,7\n';
// Updates C1 and C2, creates C3, brings a new custom field (team), a new canonical value (C2's city),
// and scores that are not numbers, which turn the number field score into text with a warning.
const SECOND =
  'id,email,first_name,city,tier,score,team\nC1,ann@example.com,Annie,Lyon,platinum,high,red\nC2,bob@example.com,Bob,Nice,silver,low,\nC3,cy@example.com,Cy,Rome,bronze,none,blue\n';

describe('undoing a customers import', () => {
  it('deletes the customers it created, restores the ones it updated, and the catalogue and statistics', async () => {
    await importCustomers(db, csv('first.csv', FIRST));
    const before = state();
    const second = await importCustomers(db, csv('second.csv', SECOND));
    expect(second).toMatchObject({ rowsCreated: 1, rowsUpdated: 2, canUndo: true });
    const typeOf = (key: string) =>
      db.prepare('SELECT type, warning FROM customer_fields WHERE key = ?').get(key) as { type: string; warning: string };
    expect(before.customer_fields).toContainEqual(expect.objectContaining({ key: 'score', type: 'number', warning: null }));
    expect(typeOf('score').type).toBe('text');
    expect(typeOf('score').warning).toContain('it is text now');

    const result = undoImport(db);
    expect(result).toMatchObject({ importId: second.importId, entity: 'customers', deleted: 1, restored: 2, detached: 0 });
    expect(state()).toEqual(before);
    const { cached, recomputed } = statsAndRecomputed();
    expect(cached).toEqual(recomputed);
  });

  it('restores the typed values of customers the import re-typed without touching them', async () => {
    // C9 is only in the first file: the second turns score into text, which drops C9's typed score too.
    await importCustomers(db, csv('first.csv', `${FIRST}C9,dee@example.com,Dee,Oslo,gold,9\n`));
    const typedOf = (id: string) => db.prepare('SELECT typed FROM customers WHERE id = ?').pluck().get(id) as string | null;
    expect(JSON.parse(typedOf('C9') ?? '{}')).toMatchObject({ score: 9 });
    const before = state();
    await importCustomers(db, csv('second.csv', SECOND));
    expect(JSON.parse(typedOf('C9') ?? '{}')).not.toHaveProperty('score');
    undoImport(db);
    expect(state()).toEqual(before);
  });

  it('the history shows the import as undone, and the one before it becomes the one undo takes', async () => {
    const first = await importCustomers(db, csv('first.csv', FIRST));
    const second = await importCustomers(db, csv('second.csv', SECOND));
    expect(listImports(db).map((item) => [item.importId, item.canUndo, item.undoneAt])).toEqual([
      [second.importId, true, null],
      [first.importId, false, null],
    ]);
    undoImport(db, second.importId);
    const [undone, earlier] = listImports(db);
    expect(undone).toMatchObject({
      importId: second.importId,
      canUndo: false,
      rowsCreated: 1,
      rowsUpdated: 2,
    });
    expect(undone?.undoneAt).toMatch(/^\d{4}-/);
    expect(earlier).toMatchObject({ importId: first.importId, canUndo: true });

    // Undo again takes the first import: the workspace ends as it started.
    undoImport(db);
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM customer_fields').pluck().get()).toBe(0);
    expect(statsAndRecomputed().cached).toEqual(statsAndRecomputed().recomputed);
  });

  it('an import that only creates customers keeps no pre-images; undo deletes them all', async () => {
    const report = await importCustomers(db, csv('first.csv', FIRST));
    expect(db.prepare(`SELECT count(*) FROM import_undo_rows WHERE tbl = 'customers'`).pluck().get()).toBe(0);
    expect(undoImport(db)).toMatchObject({ importId: report.importId, deleted: 2, restored: 0 });
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
  });

  it('undoes a fill-blanks re-import exactly', async () => {
    await importCustomers(db, csv('first.csv', FIRST));
    const before = state();
    await importCustomers(db, csv('second.csv', SECOND), { policy: { default: 'fill-blanks', fields: {} } });
    expect(db.prepare(`SELECT city FROM customers WHERE id = 'C2'`).pluck().get()).toBe('Nice');
    undoImport(db);
    expect(state()).toEqual(before);
  });

  it('unlinks the earlier orders and events it attached, without deleting them', async () => {
    await importFile(db, 'orders', csv('orders.csv', 'order_id,customer_id,date,amount\nO1,C3,2026-01-05,10\n'));
    await importFile(db, 'events', csv('events.csv', 'customer_id,event,timestamp\nC3,email_open,2026-01-05T10:00:00Z\n'));
    const before = state();
    await importCustomers(db, csv('second.csv', SECOND));
    expect(db.prepare(`SELECT customer_id FROM orders WHERE id = 'O1'`).pluck().get()).toBe('C3');
    expect(undoImport(db)).toMatchObject({ detached: 2, deleted: 3 });
    expect(state()).toEqual(before);
  });
});

describe('undo and customer flags', () => {
  // C1's email domain is a likely typo (flagged) in the first file and fixed in the second; C2 is flagged by the second only.
  const FLAGGED_FIRST = 'id,email,first_name\nC1,ann@gmial.com,Ann\nC2,bob@example.com,Bob\n';
  const FLAGGED_SECOND = 'id,email,first_name\nC1,ann@gmail.com,Ann\nC2,bob@hotmal.com,Bob\nC3,cy@yahooo.com,Cy\n';
  const flags = () => db.prepare('SELECT customer_id AS id, rule FROM customer_flags ORDER BY customer_id').all();

  it("puts back the flags the customers had before the import, and drops the import's own", async () => {
    await importCustomers(db, csv('first.csv', FLAGGED_FIRST));
    expect(flags()).toEqual([{ id: 'C1', rule: 'email_typo' }]);
    const before = state();
    await importCustomers(db, csv('second.csv', FLAGGED_SECOND));
    expect(flags()).toEqual([
      { id: 'C2', rule: 'email_typo' },
      { id: 'C3', rule: 'email_typo' },
    ]);
    undoImport(db);
    expect(state()).toEqual(before);
  });

  it('a deleted customer takes its flags with it', async () => {
    await importCustomers(db, csv('first.csv', FLAGGED_FIRST));
    db.prepare(`DELETE FROM customers WHERE id = 'C1'`).run();
    expect(flags()).toEqual([]);
  });
});

describe('undoing orders and events imports', () => {
  it('deletes the orders it created and puts back the ones it updated', async () => {
    await importCustomers(db, csv('c.csv', FIRST));
    await importFile(db, 'orders', csv('o1.csv', 'order_id,customer_id,date,amount,status,channel\nO1,C1,2026-01-05,10,pending,web\n'));
    const before = state();
    const second = await importFile(
      db,
      'orders',
      csv(
        'o2.csv',
        'order_id,customer_id,date,amount,status,channel\nO1,C2,2026-01-06,12.5,shipped,store\nO2,C1,2026-01-07,3,completed,web\n',
      ),
    );
    expect(second).toMatchObject({ rowsCreated: 1, rowsUpdated: 1 });
    expect(undoImport(db)).toMatchObject({ entity: 'orders', deleted: 1, restored: 1 });
    expect(state()).toEqual(before);
  });

  it('deletes only the events it inserted, not those an earlier import had', async () => {
    await importCustomers(db, csv('c.csv', FIRST));
    const events = 'customer_id,event,timestamp\nC1,email_open,2026-01-05T10:00:00Z\n';
    await importFile(db, 'events', csv('e1.csv', events));
    const before = state();
    const second = await importFile(db, 'events', csv('e2.csv', `${events}C2,email_click,2026-01-06T10:00:00Z\n`));
    expect(second).toMatchObject({ rowsCreated: 1, rowsUpdated: 1 });
    expect(undoImport(db)).toMatchObject({ entity: 'events', deleted: 1 });
    expect(state()).toEqual(before);
  });

  it('orders without an id de-duplicate by content: a re-import updates nothing twice', async () => {
    const file = 'email,date,amount,items\nann@example.com,2026-01-05,10,1\nann@example.com,2026-01-05,10,2\n';
    const first = await importFile(db, 'orders', csv('o.csv', file));
    expect(first).toMatchObject({ rowsCreated: 2, rowsRejected: 0 });
    const again = await importFile(db, 'orders', csv('o-again.csv', file));
    expect(again).toMatchObject({ rowsCreated: 0, rowsUpdated: 2 });
    expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(2);
    // The same order twice in one file is one order: the second is rejected, naming the first.
    const twice = await importFile(db, 'orders', csv('o-twice.csv', `${file}ann@example.com,2026-01-05,10,1\n`));
    expect(twice.rejections.map((rejection) => rejection.reason)).toEqual([expect.stringContaining('same order as line 2')]);
  });
});

describe('refusals', () => {
  it('refuses an import that is not the last, naming the later one', async () => {
    const first = await importCustomers(db, csv('first.csv', FIRST));
    await importFile(db, 'orders', csv('o.csv', 'order_id,customer_id,date,amount\nO1,C1,2026-01-05,10\n'));
    const error = refused(() => undoImport(db, first.importId));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Only the last import can be undone, and import #\d+ \(o\.csv\) came after/);
  });

  it('a failed import in between does not count as a later one', async () => {
    const first = await importCustomers(db, csv('first.csv', FIRST));
    const failed = await importCustomers(db, csv('empty.csv', ''));
    expect(failed.status).toBe('failed');
    expect(undoImport(db).importId).toBe(first.importId);
    expect(refused(() => undoImport(db, failed.importId)).message).toMatch(/ended failed; it changed nothing to undo/);
  });

  it('refuses twice, and when there is nothing to undo', async () => {
    expect(refused(() => undoImport(db)).code).toBe('not_found');
    const first = await importCustomers(db, csv('first.csv', FIRST));
    undoImport(db);
    expect(refused(() => undoImport(db, first.importId)).message).toMatch(/was already undone/);
  });

  it('refuses when a customer it wrote changed since', async () => {
    await importCustomers(db, csv('first.csv', FIRST));
    db.prepare(`UPDATE customers SET first_name = 'Merged', updated_at = '2099-01-01T00:00:00.000Z' WHERE id = 'C2'`).run();
    const before = state();
    expect(refused(() => undoImport(db)).message).toMatch(/1 of the 2 customers it wrote changed or were removed since/);
    expect(state()).toEqual(before);
  });

  it('refuses when a customer it wrote is gone', async () => {
    await importCustomers(db, csv('first.csv', FIRST));
    db.prepare(`DELETE FROM customers WHERE id = 'C1'`).run();
    expect(refused(() => undoImport(db)).message).toMatch(/1 of the 2 customers/);
  });

  it('refuses, changing nothing, when an order it updated would go back to a customer removed since', async () => {
    await importCustomers(db, csv('c.csv', FIRST));
    await importFile(db, 'orders', csv('o1.csv', 'order_id,customer_id,date,amount\nO1,C1,2026-01-05,10\n'));
    await importFile(db, 'orders', csv('o2.csv', 'order_id,customer_id,date,amount\nO1,C1,2026-01-05,12\n'));
    // A merge moved the order to the survivor C2 and removed C1.
    db.prepare(`UPDATE orders SET customer_id = 'C2' WHERE id = 'O1'`).run();
    db.prepare(`DELETE FROM customers WHERE id = 'C1'`).run();
    const before = state();
    const error = refused(() => undoImport(db));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/a customer that has been removed since/);
    expect(state()).toEqual(before);
  });

  it('refuses when a persona shows a customer it created', async () => {
    await importCustomers(db, csv('first.csv', FIRST));
    savePersona(db, { label: 'Ann', source: { kind: 'customer', customerId: 'C1' } });
    expect(refused(() => undoImport(db)).message).toMatch(/persona "Ann" shows a customer it created/);
  });

  it('the decision itself, fact by fact', () => {
    const ok: UndoFacts = {
      importId: 4,
      file: 'c.csv',
      noun: 'customers',
      status: 'succeeded',
      undoneAt: null,
      stamp: '2026-01-01T00:00:00.000Z',
      touched: 3,
      unchanged: 3,
      later: null,
      running: false,
      personas: [],
    };
    expect(undoRefusal(ok)).toBeNull();
    expect(undoRefusal({ ...ok, running: true })).toMatch(/An import is running/);
    expect(undoRefusal({ ...ok, stamp: null })).toMatch(/older version of Tailor/);
    expect(undoRefusal({ ...ok, status: 'cancelled' })).toMatch(/ended cancelled/);
    expect(undoRefusal({ ...ok, later: { importId: 5, file: 'd.csv' } })).toMatch(/import #5 \(d\.csv\) came after Import #4 \(c\.csv\)/);
  });
});

describe('imports.undo through the contract', () => {
  it('undoes the last import and announces that customers and imports changed', async () => {
    const { app, dir: home } = await freshWorkspace();
    const file = path.join(home, 'c.csv');
    fs.writeFileSync(file, FIRST);
    const { jobId } = await app.client.call('imports.start', { path: file, policy: { default: 'fill-blanks', fields: { email: 'keep' } } });
    const feed = { subscribe: app.events.subscribe.bind(app.events), get: (id: string) => app.client.call('jobs.get', { jobId: id }) };
    expect(await followJob(feed, jobId).done).toMatchObject({ status: 'succeeded' });
    const [report] = await app.client.call('imports.list', {});
    expect(report).toMatchObject({ canUndo: true, policy: { default: 'fill-blanks', fields: { email: 'keep' } } });
    const topics: string[][] = [];
    app.events.subscribe((event) => {
      if (event.type === 'data.changed') topics.push(event.topics);
    });
    const result = await app.client.call('imports.undo', {});
    expect(result).toMatchObject({ importId: report?.importId, deleted: 2 });
    expect(topics).toContainEqual(['customers', 'imports']);
    expect((await app.client.call('customers.list', {})).total).toBe(0);
    await expect(app.client.call('imports.undo', {})).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a policy for orders', async () => {
    const { app, dir: home } = await freshWorkspace();
    const file = path.join(home, 'o.csv');
    fs.writeFileSync(file, 'order_id,customer_id,date,amount\nO1,C1,2026-01-05,10\n');
    await expect(
      app.client.call('imports.start', { path: file, entity: 'orders', policy: { default: 'keep', fields: {} } }),
    ).rejects.toThrow(/applies to customers only/);
  });
});
