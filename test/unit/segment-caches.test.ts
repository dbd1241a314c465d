import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceModelScores } from '../../electron/workspace/scores/score-store';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

/*
 * segments.list, segments.vocabulary and the labels in tokens.computed are
 * remembered until the data they come from changes. Each test shows both
 * halves: a write the app does not make (plain SQL behind its back) is not
 * seen, so the answer really comes from the cache; every write the app makes
 * is seen at once.
 */

async function workspace() {
  const { app, dir } = await freshWorkspace();
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  await importThroughApp(
    app,
    write('c.csv', 'id,email,city,points\nC1,a@example.com,Paris,1.234\nC2,b@example.com,Lyon,2.345\nC3,c@example.com,Paris,3.456\n'),
    'customers',
  );
  return { app, write, db: app.session.require().db };
}

const inParis = {
  kind: 'group',
  combinator: 'and',
  negate: false,
  children: [{ kind: 'field', field: 'city', op: 'equals', value: 'Paris', values: [] }],
} as const;

describe('segment counts in segments.list', () => {
  it('are counted once per data state, and again after an import, its undo, a segment save or a field type change', async () => {
    const { app, write, db } = await workspace();
    const paris = await app.client.call('segments.save', { name: 'Paris', rule: inParis });
    const counts = async () => Object.fromEntries((await app.client.call('segments.list', {})).map((s) => [s.name, s.count]));
    expect(await counts()).toEqual({ Paris: 2 });

    // Not a write the app makes: the remembered count stands.
    db.prepare(`UPDATE customers SET city = 'Paris' WHERE id = 'C2'`).run();
    expect(await counts()).toEqual({ Paris: 2 });

    // An import (here an update of an existing customer) is seen.
    await importThroughApp(app, write('move.csv', 'id,email,city\nC2,b@example.com,Paris\n'), 'customers');
    expect(await counts()).toEqual({ Paris: 3 });
    await importThroughApp(app, write('more.csv', 'id,email,city\nC4,d@example.com,Paris\n'), 'customers');
    expect(await counts()).toEqual({ Paris: 4 });
    await app.client.call('imports.undo', {});
    expect(await counts()).toEqual({ Paris: 3 });

    // A segment that refers to another is counted with it; saving either is seen.
    await app.client.call('segments.save', {
      name: 'Not Paris',
      rule: { kind: 'group', combinator: 'and', negate: false, children: [{ kind: 'segment', segmentId: paris.id, member: false }] },
    });
    expect(await counts()).toEqual({ Paris: 3, 'Not Paris': 0 });
    await app.client.call('segments.save', {
      id: paris.id,
      name: 'Paris',
      rule: { ...inParis, children: [{ kind: 'field', field: 'city', op: 'equals', value: 'Lyon', values: [] }] },
    });
    expect(await counts()).toEqual({ Paris: 0, 'Not Paris': 3 });

    // A field re-typed changes what a rule on it matches.
    await app.client.call('segments.save', {
      name: 'Many points',
      rule: { ...inParis, children: [{ kind: 'field', field: 'points', op: 'gt', value: '100', values: [] }] },
    });
    expect((await counts())['Many points']).toBe(0);
    const { jobId } = await app.client.call('customers.setFieldType', { key: 'points', type: 'number', locale: { decimalSeparator: ',' } });
    expect(await app.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });
    expect((await counts())['Many points']).toBe(3);
  });
});

describe('segments.vocabulary', () => {
  it('is read once per data state and again after an events import', async () => {
    const { app, write, db } = await workspace();
    const events = (rows: string[]) =>
      write(`e${rows.length}.csv`, ['customer_id,type,timestamp,product,category', ...rows].join('\n') + '\n');
    await importThroughApp(app, events(['C1,product_view,2026-01-03T10:00:00Z,P1,Shoes']), 'events');
    expect(await app.client.call('segments.vocabulary', {})).toEqual({
      eventTypes: ['product_view'],
      categories: ['Shoes'],
      products: ['P1'],
    });

    db.prepare(`UPDATE events SET type = 'renamed'`).run();
    expect((await app.client.call('segments.vocabulary', {})).eventTypes).toEqual(['product_view']);

    await importThroughApp(
      app,
      events(['C1,email_open,2026-01-04T10:00:00Z,,', 'C2,email_open,2026-01-05T10:00:00Z,,', 'C2,cart_add,2026-01-05T11:00:00Z,P2,Bags']),
      'events',
    );
    expect(await app.client.call('segments.vocabulary', {})).toEqual({
      eventTypes: ['email_open', 'cart_add', 'renamed'],
      categories: ['Bags', 'Shoes'],
      products: ['P1', 'P2'],
    });
  });
});

describe('the labels of label scores in tokens.computed', () => {
  const labels = async (app: Awaited<ReturnType<typeof workspace>>['app']) =>
    (await app.client.call('tokens.computed', {})).scores.find((score) => score.name === 'rfm_tier')?.labels;

  it('are read once per score run and again after the next run', async () => {
    const { app, db } = await workspace();
    const run = { model: 'rfm' as const, asOf: '2026-06-30', modelVersion: 'rfm-1', settings: {}, summary: {} };
    replaceModelScores(db, run, [
      { customerId: 'C1', scores: { rfm_tier: 'Champions' } },
      { customerId: 'C2', scores: { rfm_tier: 'Lost' } },
    ]);
    expect(await labels(app)).toEqual(['Champions', 'Lost']);

    db.prepare(`UPDATE customer_scores SET label = 'Renamed' WHERE label = 'Lost'`).run();
    expect(await labels(app)).toEqual(['Champions', 'Lost']);

    // A later run's stamp differs even within the same millisecond of the first: wait one to be sure.
    await new Promise((resolve) => setTimeout(resolve, 5));
    replaceModelScores(db, { ...run, modelVersion: 'rfm-2' }, [{ customerId: 'C3', scores: { rfm_tier: 'Loyal' } }]);
    expect(await labels(app)).toEqual(['Loyal']);
  });
});
