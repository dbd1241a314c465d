import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/contract';
import { followJob } from '../../shared/contract/follow-job';
import type { DedupRunReport } from '../../shared/contract/schemas';
import type { TailorApp } from '../../electron/services/app';
import type { Db } from '../../electron/workspace/db';
import { mergeCustomers } from '../../electron/workspace/dedup/merge';
import { runDedup } from '../../electron/workspace/dedup/run-dedup';
import { readSurvivorship } from '../../electron/workspace/dedup/settings';
import { importFile } from '../../electron/workspace/import';
import { freshWorkspace } from '../support/workspace-app';

/** Jonathan and Jon Smithers are one person (same phone and birth date); Mary is someone else. */
const CUSTOMERS = [
  'id,email,first_name,last_name,phone,birth_date,city,loyalty_tier',
  'C-1,jonathan.smithers@example.com,Jonathan,Smithers,+44 7700 900123,1984-02-11,Leeds,gold',
  'C-2,jon.smithers@example.com,Jon,Smithers,+44 7700 900123,1984-02-11,,',
  'C-3,mary.jones@example.com,Mary,Jones,+44 7700 900456,1990-05-01,York,silver',
].join('\n');
const ORDERS = [
  'order_id,customer_id,order_date,total,currency',
  'O-1,C-1,2026-01-05,40,GBP',
  'O-2,C-2,2026-02-05,25,GBP',
  'O-3,C-3,2026-02-06,9,GBP',
].join('\n');
const EVENTS = [
  'customer_id,type,timestamp',
  'C-2,email_open,2026-02-01T10:00:00Z',
  'C-2,product_view,2026-02-01T10:05:00Z',
  'C-1,email_click,2026-01-01T09:00:00Z',
].join('\n');

async function workspace(extraCustomers: string[] = []): Promise<{ app: TailorApp; client: Client; db: Db }> {
  const { app, dir } = await freshWorkspace();
  const db = app.session.require().db;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${text}\n`);
    return file;
  };
  await importFile(db, 'customers', write('customers.csv', [CUSTOMERS, ...extraCustomers].join('\n')));
  await importFile(db, 'orders', write('orders.csv', ORDERS));
  await importFile(db, 'events', write('events.csv', EVENTS));
  return { app, client: app.client, db };
}

async function findDuplicates(app: TailorApp, input: { minScore?: number; autoMergeAbove?: number | null } = {}): Promise<DedupRunReport> {
  const { jobId } = await app.client.call('dedup.start', input);
  const feed = { subscribe: app.events.subscribe.bind(app.events), get: (id: string) => app.client.call('jobs.get', { jobId: id }) };
  const job = await followJob(feed, jobId).done;
  expect(job, job.message ?? '').toMatchObject({ kind: 'dedup', status: 'succeeded' });
  if (job.kind !== 'dedup' || !job.result) throw new Error('no dedup report');
  return job.result;
}

/** Everything a merge may touch, exactly as stored. */
function state(db: Db) {
  return {
    customers: db.prepare('SELECT * FROM customers ORDER BY id').all(),
    orders: db.prepare('SELECT * FROM orders ORDER BY id').all(),
    events: db.prepare('SELECT * FROM events ORDER BY id').all(),
    personas: db.prepare('SELECT * FROM personas ORDER BY id').all(),
    customer_flags: db.prepare('SELECT * FROM customer_flags ORDER BY customer_id, rule, message').all(),
  };
}

const ordersOf = (db: Db, id: string) => db.prepare('SELECT id FROM orders WHERE customer_id = ? ORDER BY id').pluck().all(id);
const eventsOf = (db: Db, id: string) => db.prepare('SELECT count(*) FROM events WHERE customer_id = ?').pluck().get(id);

describe('dedup review queue, merge and undo', () => {
  it('finds the planted pair in a worker job and queues it with its explanation and both profiles', async () => {
    const { app, client } = await workspace();
    const report = await findDuplicates(app);
    expect(report).toMatchObject({ customers: 3, pairs: 1, merges: [] });
    expect(report.clusters.map((c) => c.ids)).toEqual([['C-1', 'C-2']]);
    const queue = await client.call('dedup.queue', {});
    expect(queue.total).toBe(1);
    const pair = queue.pairs[0]!;
    expect(pair).toMatchObject({ status: 'pending', survivorId: 'C-1', a: { orders: 1, events: 1 }, b: { orders: 1, events: 2 } });
    expect(pair.a.customer.first_name).toBe('Jonathan');
    expect(pair.explanation).toContain('phone equal');
    expect(pair.fields.find((f) => f.field === 'email')?.outcome).not.toBe('equal');
    expect(pair.fields.find((f) => f.field === 'birthDate')).toMatchObject({ outcome: 'equal', label: 'date of birth' });
  });

  it('merges: the survivor keeps the chosen values and both customers’ orders and events; undo restores everything exactly', async () => {
    const { app, client, db } = await workspace();
    await findDuplicates(app);
    const persona = await client.call('personas.save', { label: 'Jon', source: { kind: 'customer', customerId: 'C-2' } });
    const before = state(db);
    const fieldsBefore = await client.call('customers.fields', {});
    const [pair] = (await client.call('dedup.queue', {})).pairs;

    const merge = await client.call('dedup.merge', { pairId: pair!.id });
    expect(merge).toMatchObject({
      survivorId: 'C-1',
      mergedId: 'C-2',
      automatic: false,
      undoneAt: null,
      moved: { orders: 1, events: 2 },
      survivorNow: { orders: 2, events: 3 },
    });
    expect(merge.mergedLabel).toBe('Jon Smithers (C-2)');
    const chosen = Object.fromEntries(merge.chosen.map((c) => [c.field, c]));
    expect(chosen.first_name).toMatchObject({ value: 'Jonathan', from: 'C-1', reason: 'most_complete' });
    expect(chosen.phone).toMatchObject({ reason: 'same' });
    expect(chosen.city).toMatchObject({ value: 'Leeds', from: 'C-1', reason: 'only_value' });

    expect((await client.call('customers.list', {})).total).toBe(2);
    expect(await client.call('customers.get', { idOrEmail: 'C-2' })).toBeNull();
    expect(ordersOf(db, 'C-1')).toEqual(['O-1', 'O-2']);
    expect(eventsOf(db, 'C-1')).toBe(3);
    // A persona of the merged-away customer now previews as the survivor.
    expect((await client.call('personas.list', {})).find((p) => p.id === persona.id)?.source).toEqual({
      kind: 'customer',
      customerId: 'C-1',
    });
    expect((await client.call('workspace.current', {}))?.counts).toMatchObject({ customers: 2, orders: 3, events: 3 });
    const filled = (fields: { key: string; filled: number }[], key: string) => fields.find((f) => f.key === key)?.filled;
    const fieldsMerged = await client.call('customers.fields', {});
    expect(filled(fieldsMerged, 'first_name')).toBe(2);
    expect(filled(fieldsMerged, 'loyalty_tier')).toBe(2);
    expect((await client.call('dedup.queue', {})).total).toBe(0);
    expect(await client.call('dedup.merges', {})).toEqual([merge]);

    expect(await client.call('dedup.undo', { mergeId: merge.id })).toEqual({ undone: [merge.id] });
    expect(state(db)).toEqual(before);
    expect(await client.call('customers.fields', {})).toEqual(fieldsBefore);
    expect((await client.call('dedup.queue', {})).pairs.map((p) => p.id)).toEqual([pair!.id]);
    expect(await client.call('dedup.merges', {})).toEqual([]);
    expect((await client.call('dedup.merges', { includeUndone: true }))[0]?.undoneAt).not.toBeNull();
    await expect(client.call('dedup.undo', { mergeId: merge.id })).rejects.toThrow(/already undone/);
  });

  it('the survivor’s typed values follow the values it takes; undo puts both rows’ typed values back exactly', async () => {
    // C-7 has a name only: the merge gives it Mary's email, phone and birth date, which must read typed like hers.
    const { client, db } = await workspace(['C-7,,Mary,Jones,,,,']);
    const typedOf = (id: string): unknown =>
      JSON.parse((db.prepare('SELECT typed FROM customers WHERE id = ?').pluck().get(id) as string | null) ?? '{}');
    const mary = typedOf('C-3');
    expect(mary).toMatchObject({ birth_date: '1990-05-01' });
    expect(typedOf('C-7')).toEqual({});
    const before = state(db);
    const mergeId = mergeCustomers(db, {
      survivorId: 'C-7',
      mergedId: 'C-3',
      pairId: null,
      score: null,
      automatic: false,
      rules: readSurvivorship(db),
    });
    expect(typedOf('C-7')).toEqual(mary);
    await client.call('dedup.undo', { mergeId });
    expect(state(db)).toEqual(before);
  });

  it('re-importing a merged-away customer, or orders and events naming it, lands on the survivor', async () => {
    const { app, client, db } = await workspace(['C-4,jon.smithers@work.example,Johnny,Smithers,+44 7700 900123,1984-02-11,Leeds,']);
    const dir = fs.mkdtempSync(path.join(path.dirname(db.name), 'again-'));
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `${text}\n`);
      return file;
    };
    await findDuplicates(app);
    const queue = (await client.call('dedup.queue', {})).pairs;
    const pairOf = (a: string, b: string) => queue.find((p) => p.a.customer.id === a && p.b.customer.id === b)!.id;
    await client.call('dedup.merge', { pairId: pairOf('C-1', 'C-2') });
    // A merge of the survivor's survivor: C-4 merged into C-1 does not matter, C-1 into C-4 does.
    await client.call('dedup.merge', { pairId: pairOf('C-1', 'C-4'), survivorId: 'C-4' });
    const customers = await importFile(
      db,
      'customers',
      write('again.csv', `${CUSTOMERS.split('\n')[0]}\nC-2,jon.smithers@example.com,Jon,Smithers,,,Hull,`),
    );
    expect(customers).toMatchObject({ rowsCreated: 0, rowsUpdated: 1 });
    expect(await client.call('customers.get', { idOrEmail: 'C-2' })).toBeNull();
    expect(await client.call('customers.get', { idOrEmail: 'C-4' })).toMatchObject({ first_name: 'Jon', city: 'Hull' });
    expect(db.prepare(`SELECT count(*) FROM customers WHERE id IN ('C-1', 'C-2')`).pluck().get()).toBe(0);
    await importFile(db, 'orders', write('orders-again.csv', 'order_id,customer_id,order_date,total,currency\nO-9,C-2,2026-03-05,12,GBP'));
    await importFile(db, 'events', write('events-again.csv', 'customer_id,type,timestamp\nC-1,email_open,2026-03-01T10:00:00Z'));
    expect(db.prepare(`SELECT customer_id FROM orders WHERE id = 'O-9'`).pluck().get()).toBe('C-4');
    expect(db.prepare(`SELECT customer_id FROM events WHERE occurred_at LIKE '2026-03-01%'`).pluck().get()).toBe('C-4');
  });

  it('the merged customer’s flags go with it and come back on undo', async () => {
    const { client, db } = await workspace(['C-8,mary.jones@gmial.com,Mary,Jones,,1990-05-01,York,']);
    const before = state(db);
    expect(db.prepare(`SELECT rule FROM customer_flags WHERE customer_id = 'C-8'`).pluck().all()).toEqual(['email_typo']);
    const mergeId = mergeCustomers(db, {
      survivorId: 'C-3',
      mergedId: 'C-8',
      pairId: null,
      score: null,
      automatic: false,
      rules: readSurvivorship(db),
    });
    expect(db.prepare(`SELECT count(*) FROM customer_flags WHERE customer_id = 'C-8'`).pluck().get()).toBe(0);
    await client.call('dedup.undo', { mergeId });
    expect(state(db)).toEqual(before);
  });

  it('undoing a merge first undoes later merges into the same survivor, then restores all three records', async () => {
    const { app, client, db } = await workspace(['C-4,jon.smithers@work.example,Johnny,Smithers,+44 7700 900123,1984-02-11,Leeds,']);
    await findDuplicates(app);
    const before = state(db);
    const queue = (await client.call('dedup.queue', {})).pairs;
    const first = await client.call('dedup.merge', {
      pairId: queue.find((p) => p.a.customer.id === 'C-1' && p.b.customer.id === 'C-2')!.id,
    });
    const second = await client.call('dedup.merge', {
      pairId: queue.find((p) => p.a.customer.id === 'C-1' && p.b.customer.id === 'C-4')!.id,
    });
    expect((await client.call('customers.list', {})).total).toBe(2);
    expect(await client.call('dedup.undo', { mergeId: first.id })).toEqual({ undone: [second.id, first.id] });
    expect(state(db)).toEqual(before);
  });

  it('"not a duplicate" is remembered: the pair leaves the queue and a new run does not propose it again', async () => {
    const { app, client } = await workspace();
    await findDuplicates(app);
    const [pair] = (await client.call('dedup.queue', {})).pairs;
    await client.call('dedup.decide', { pairId: pair!.id, decision: 'distinct' });
    expect((await client.call('dedup.queue', {})).total).toBe(0);
    const again = await findDuplicates(app);
    expect(again.pairs).toBe(0);
    expect(again.clusters).toEqual([]);
    expect((await client.call('dedup.queue', {})).total).toBe(0);
    // Even auto-merge leaves them apart.
    const auto = await findDuplicates(app, { autoMergeAbove: 0.5 });
    expect(auto.merges).toEqual([]);
    expect((await client.call('customers.list', {})).total).toBe(3);
  });

  it('skip sends a pair to the end of the queue without forgetting it', async () => {
    const { app, client } = await workspace(['C-5,mary.j@example.com,Mary,Jones,+44 7700 900456,1990-05-01,York,']);
    await findDuplicates(app);
    const queue = (await client.call('dedup.queue', {})).pairs;
    expect(queue).toHaveLength(2);
    await client.call('dedup.decide', { pairId: queue[0]!.id, decision: 'skip' });
    const after = (await client.call('dedup.queue', {})).pairs;
    expect(after.map((p) => [p.id, p.status])).toEqual([
      [queue[1]!.id, 'pending'],
      [queue[0]!.id, 'skipped'],
    ]);
  });

  it('auto-merge merges only pairs at or above the threshold, with provenance, and each merge can be undone', async () => {
    const { app, client, db } = await workspace();
    const before = state(db);
    const score = (await findDuplicates(app)).clusters[0]!.pairs[0]!.score;
    const above = await findDuplicates(app, { autoMergeAbove: Math.min(1, score + 0.0001) });
    expect(above.merges).toEqual([]);
    expect((await client.call('customers.list', {})).total).toBe(3);

    const merged = await findDuplicates(app, { autoMergeAbove: score - 0.0001 });
    expect(merged.merges).toHaveLength(1);
    expect(merged.merges[0]).toMatchObject({ survivorId: 'C-1', mergedId: 'C-2', automatic: true, moved: { orders: 1, events: 2 } });
    expect(merged.pairs).toBe(0);
    expect(ordersOf(db, 'C-1')).toEqual(['O-1', 'O-2']);
    await client.call('dedup.undo', { mergeId: merged.merges[0]!.id });
    expect(state(db)).toEqual(before);
  });

  it('survivorship settings are stored per workspace and used by the next merge', async () => {
    const { app, client } = await workspace();
    expect(await client.call('dedup.rules', {})).toMatchObject({ default: 'most_recent', fields: { first_name: 'most_complete' } });
    await client.call('dedup.saveRules', { default: 'most_recent', fields: {}, preferredSources: [] });
    await findDuplicates(app);
    const [pair] = (await client.call('dedup.queue', {})).pairs;
    // Same import, same time: most_recent ties, and a tie keeps the survivor's value.
    const merge = await client.call('dedup.merge', { pairId: pair!.id, survivorId: 'C-2' });
    expect(merge.survivorId).toBe('C-2');
    const firstName = merge.chosen.find((c) => c.field === 'first_name');
    expect(firstName).toMatchObject({ value: 'Jon', from: 'C-2', reason: 'most_recent' });
    expect((await client.call('customers.get', { idOrEmail: 'C-2' }))?.city).toBe('Leeds');
  });

  it('a cancelled run changes nothing: no pairs queued, nothing merged', async () => {
    const { app, client, db } = await workspace();
    const before = state(db);
    const { jobId } = await client.call('dedup.start', { autoMergeAbove: 0.5 });
    await client.call('jobs.cancel', { jobId });
    const job = await app.jobs.settle(jobId);
    expect(job).toMatchObject({ kind: 'dedup', status: 'cancelled', result: { status: 'cancelled', merges: [] } });
    expect(state(db)).toEqual(before);
    expect((await client.call('dedup.queue', {})).total).toBe(0);
    expect(db.prepare('SELECT count(*) FROM dedup_merges').pluck().get()).toBe(0);
  });

  it('auto-merge skips a customer merged away while the run was comparing, instead of failing the run', async () => {
    // Over 2,000 customers, so the run reports progress while comparing; the "manual merge" happens then.
    const fillers = Array.from({ length: 2100 }, (_, i) => `F-${i},filler${i}@example.com,,,,,,`);
    const { db } = await workspace(fillers);
    let removed = false;
    const report = runDedup(db, {
      minScore: 0.5,
      autoMergeAbove: 0.5,
      onProgress: () => {
        if (removed) return;
        removed = true;
        db.prepare('DELETE FROM customers WHERE id = ?').run('C-2');
      },
    });
    expect(removed).toBe(true);
    expect(report.clusters.map((c) => c.ids)).toContainEqual(['C-1', 'C-2']);
    expect(report.merges.filter((m) => m.survivorId === 'C-1')).toEqual([]);
  });

  it('pushes progress (customers compared out of all) while the worker compares', async () => {
    const fillers = Array.from({ length: 2100 }, (_, i) => `F-${i},filler${i}@example.com,,,,,,`);
    const { app } = await workspace(fillers);
    const seen: { status: string; done: number; total: number | null }[] = [];
    const unsubscribe = app.events.subscribe((event) => {
      if (event.type === 'job' && event.job.kind === 'dedup') seen.push({ status: event.job.status, ...event.job.progress });
    });
    await findDuplicates(app);
    unsubscribe();
    expect(seen.some((s) => s.status === 'running' && s.done > 0 && s.done < 2103 && s.total === 2103)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ status: 'succeeded', done: 2103, total: 2103 });
  });
});
