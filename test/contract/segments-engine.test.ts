import { describe, expect, it } from 'vitest';
import type { LeafCondition, RuleNode, RuleTree } from '../../shared/segments/rule-tree';
import { blankCustomer, writeSegmentData } from '../support/segment-data';
import { freshWorkspace } from '../support/workspace-app';

const and = (...children: RuleNode[]): RuleTree => ({ kind: 'group', combinator: 'and', negate: false, children });
const city = (value: string): LeafCondition => ({ kind: 'field', field: 'city', op: 'equals', value, values: [] });
const boughtInLast = (days: number): LeafCondition => ({
  kind: 'orders',
  measure: 'count',
  op: 'gte',
  value: '1',
  windowDays: days,
  category: null,
});
const member = (segmentId: number, isMember = true): LeafCondition => ({ kind: 'segment', segmentId, member: isMember });

/** A workspace of five customers: three in Paris, two of them buyers in June 2026; two in Berlin, one a buyer in March. */
async function workspace() {
  const { app } = await freshWorkspace();
  const db = app.session.require().db;
  writeSegmentData(
    db,
    [
      blankCustomer('A', { text: { city: 'Paris' }, orders: [{ orderedAt: '2026-06-10', total: 40, category: null }] }),
      blankCustomer('B', { text: { city: 'Paris' }, orders: [{ orderedAt: '2026-06-01', total: 90, category: null }] }),
      blankCustomer('C', { text: { city: 'Paris' } }),
      blankCustomer('D', { text: { city: 'Berlin' }, orders: [{ orderedAt: '2026-03-01', total: 10, category: null }] }),
      blankCustomer('E', { text: { city: 'Berlin' } }),
    ],
    {},
  );
  return { app, db };
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('segments through the app', () => {
  it('counts a rule live with its first members, at an as-of date', async () => {
    const { app } = await workspace();
    const live = await app.client.call('segments.count', { rule: and(city('paris'), boughtInLast(30)), asOf: '2026-06-15', sample: 1 });
    expect(live.count).toBe(2);
    expect(ids(live.sample)).toEqual(['A']);
    // Driven by the orders condition (one pass over the members) or not (a count, then the first members by id).
    const driven = await app.client.call('segments.count', { rule: and(boughtInLast(365)), asOf: '2026-06-15', sample: 2 });
    expect([driven.count, ids(driven.sample)]).toEqual([3, ['A', 'B']]);
    const plain = await app.client.call('segments.count', { rule: and(city('paris')), sample: 5 });
    expect([plain.count, ids(plain.sample)]).toEqual([3, ['A', 'B', 'C']]);
    // Ten days later B's order (1 June) is out of the last 30 days; before 10 June A's had not happened.
    expect((await app.client.call('segments.count', { rule: and(city('paris'), boughtInLast(30)), asOf: '2026-07-05' })).count).toBe(1);
    expect((await app.client.call('segments.count', { rule: and(city('paris'), boughtInLast(30)), asOf: '2026-06-05' })).count).toBe(1);
    // Flat rules of earlier versions still count.
    expect(
      (await app.client.call('segments.count', { rule: { match: 'all', conditions: [{ field: 'city', op: 'equals', value: 'berlin' }] } }))
        .count,
    ).toBe(2);
    await expect(
      app.client.call('segments.count', {
        rule: and({ kind: 'orders', measure: 'total', op: 'gt', value: 'abc', windowDays: null, category: null }),
      }),
    ).rejects.toThrow(/Total spent: "abc" is not a number/);
  });

  it('lists customers at an as-of date for an unsaved rule and a saved segment', async () => {
    const { app } = await workspace();
    const rule = and(boughtInLast(120));
    expect(ids((await app.client.call('customers.list', { rule, asOf: '2026-06-15' })).rows)).toEqual(['A', 'B', 'D']);
    expect(ids((await app.client.call('customers.list', { rule, asOf: '2026-05-01' })).rows)).toEqual(['D']);
    const saved = await app.client.call('segments.save', { name: 'Buyers', rule, asOf: '2026-05-01' });
    // Its own as-of date, unless the request names another.
    expect(ids((await app.client.call('customers.list', { segmentId: saved.id })).rows)).toEqual(['D']);
    expect(ids((await app.client.call('customers.list', { segmentId: saved.id, asOf: '2026-06-15' })).rows)).toEqual(['A', 'B', 'D']);
    expect(await app.client.call('segments.members', { id: saved.id, limit: 10 })).toMatchObject({ total: 1, rows: [{ id: 'D' }] });
  });

  it('a static segment keeps its snapshot until refreshed; a dynamic one follows the data and records counts at refresh', async () => {
    const { app, db } = await workspace();
    const rule = and(city('paris'));
    const fixed = await app.client.call('segments.save', { name: 'Paris then', rule, kind: 'static' });
    const live = await app.client.call('segments.save', { name: 'Paris now', rule, kind: 'dynamic' });
    expect(fixed).toMatchObject({ kind: 'static', count: 3, previousCount: null });
    expect(fixed.refreshedAt).not.toBeNull();
    expect(live).toMatchObject({ kind: 'dynamic', count: 3, refreshedAt: null, previousCount: null });
    await app.client.call('segments.refresh', { id: live.id });

    db.prepare("UPDATE customers SET city = 'Paris' WHERE id = 'E'").run();
    const listed = await app.client.call('segments.list', {});
    expect(listed.find((s) => s.id === fixed.id)?.count).toBe(3);
    // Dynamic: 4 now, against the 3 its refresh recorded.
    expect(listed.find((s) => s.id === live.id)).toMatchObject({ count: 4, previousCount: 3 });
    expect((await app.client.call('segments.members', { id: fixed.id })).rows.map((row) => row.id)).toEqual(['A', 'B', 'C']);

    const refreshed = await app.client.call('segments.refresh', { id: fixed.id });
    expect(refreshed).toMatchObject({ count: 4, previousCount: 3 });
    expect((await app.client.call('segments.members', { id: fixed.id })).total).toBe(4);
    // Renaming keeps the snapshot; changing the rule takes a new one.
    db.prepare("UPDATE customers SET city = 'Berlin' WHERE id = 'A'").run();
    expect((await app.client.call('segments.save', { id: fixed.id, name: 'Paris in June', rule, kind: 'static' })).count).toBe(4);
    expect(
      (await app.client.call('segments.save', { id: fixed.id, name: 'Paris in June', rule: and(city('PARIS')), kind: 'static' })).count,
    ).toBe(3);
  });

  it('uses other segments: dynamic inline, static by snapshot; refuses cycles naming them, and deleting a segment in use', async () => {
    const { app } = await workspace();
    const paris = await app.client.call('segments.save', { name: 'Paris', rule: and(city('paris')) });
    const buyers = await app.client.call('segments.save', {
      name: 'June buyers',
      rule: and(boughtInLast(30)),
      asOf: '2026-06-30',
      kind: 'static',
    });
    const both = await app.client.call('segments.save', { name: 'Parisian buyers', rule: and(member(paris.id), member(buyers.id)) });
    expect(both.count).toBe(2);
    expect((await app.client.call('segments.count', { rule: and(member(paris.id), member(buyers.id, false)) })).count).toBe(1);

    await expect(app.client.call('segments.save', { id: paris.id, name: 'Paris', rule: and(member(both.id)) })).rejects.toThrow(
      'Paris → Parisian buyers → Paris',
    );
    await expect(app.client.call('segments.count', { rule: and(member(both.id)), segmentId: paris.id })).rejects.toThrow(
      'Paris → Parisian buyers → Paris',
    );
    await expect(app.client.call('segments.delete', { id: paris.id })).rejects.toThrow(/"Paris" is used by "Parisian buyers"/);
    await app.client.call('segments.delete', { id: both.id });
    await app.client.call('segments.delete', { id: paris.id });
    expect((await app.client.call('segments.list', {})).map((s) => s.name)).toEqual(['June buyers']);
  });

  it('gives the overview: sizes and the overlap matrix at an as-of date', async () => {
    const { app } = await workspace();
    await app.client.call('segments.save', { name: 'Paris', rule: and(city('paris')) });
    await app.client.call('segments.save', { name: 'Buyers', rule: and(boughtInLast(30)) });
    await app.client.call('segments.save', { name: 'Berlin', rule: and(city('berlin')), kind: 'static' });
    const overview = await app.client.call('segments.overview', { asOf: '2026-06-15' });
    expect(overview.asOf).toBe('2026-06-15');
    expect(overview.segments.map((s) => [s.name, s.count])).toEqual([
      ['Berlin', 2],
      ['Buyers', 2],
      ['Paris', 3],
    ]);
    expect(overview.overlaps).toEqual([
      [2, 0, 0],
      [0, 2, 2],
      [0, 2, 3],
    ]);
    // On 20 March only D's order (1 March) is in the last 30 days.
    expect((await app.client.call('segments.overview', { asOf: '2026-03-20' })).overlaps).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 0, 3],
    ]);
  });
});
