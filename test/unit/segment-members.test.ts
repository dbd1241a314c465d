import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SegmentRule } from '../../shared/segments/rule';
import type { TailorApp } from '../../electron/services/app';
import { SegmentMembers } from '../../electron/services/segment-members';
import { freshWorkspace } from '../support/workspace-app';

let dir: string;

async function workspace(): Promise<TailorApp> {
  const fresh = await freshWorkspace();
  dir = fresh.dir;
  return fresh.app;
}

async function importRows(tailor: TailorApp, name: string, rows: string[]): Promise<void> {
  const csv = path.join(dir, name);
  fs.writeFileSync(csv, `id,email,first_name,city\n${rows.join('\n')}\n`);
  const { jobId } = await tailor.client.call('imports.start', { path: csv });
  expect(await tailor.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });
}

const PARIS: SegmentRule = { match: 'all', conditions: [{ field: 'city', op: 'equals', value: 'Paris' }] };

describe('segment personas', () => {
  it('look for the first member once per rule until the customers change', async () => {
    const tailor = await workspace();
    const db = tailor.session.require().db;
    const members = new SegmentMembers();
    let scans = 0;
    const find = () => {
      scans++;
      return (db.prepare(`SELECT id FROM customers WHERE city = 'Paris' ORDER BY id LIMIT 1`).pluck().get() as string | undefined) ?? null;
    };
    expect(members.firstId(db, PARIS, find)).toBeNull();
    expect(members.firstId(db, PARIS, find)).toBeNull();
    expect(scans).toBe(1);

    await importRows(tailor, 'a.csv', ['C1,ada@example.com,Ada,Paris']);
    expect(members.firstId(db, PARIS, find)).toBe('C1');
    expect(members.firstId(db, { ...PARIS, conditions: [{ ...PARIS.conditions[0]!, value: 'Lyon' }] }, () => null)).toBeNull();
    expect(members.firstId(db, PARIS, find)).toBe('C1');
    expect(scans).toBe(2);

    // An import that only updates existing customers changes nobody's rowid, but still counts as a change.
    await importRows(tailor, 'b.csv', ['C1,ada@example.com,Ada,Lyon']);
    expect(members.firstId(db, PARIS, find)).toBeNull();
    expect(scans).toBe(3);

    // Undoing that import puts Ada back in Paris without adding or removing a row: still a change.
    await tailor.client.call('imports.undo', {});
    expect(members.firstId(db, PARIS, find)).toBe('C1');
    expect(scans).toBe(4);
  });

  it('show the new first member in previews after an import, not a remembered "no members"', async () => {
    const tailor = await workspace();
    const segment = await tailor.client.call('segments.save', { name: 'Paris', rule: PARIS });
    await tailor.client.call('personas.save', { label: 'Parisian', source: { kind: 'segment', segmentId: segment.id } });
    const source = '<p>Hi {{ first_name }}</p>';

    const empty = await tailor.client.call('preview.render', { source });
    expect(empty.previews[0]?.problem).toContain('has no members yet');

    await importRows(tailor, 'c.csv', ['C7,zoe@example.com,Zoë,Paris']);
    const filled = await tailor.client.call('preview.render', { source });
    expect(filled.previews[0]).toMatchObject({ problem: null, html: '<p>Hi Zoë</p>', customer: { id: 'C7' } });
  });

  it("show a static segment's first member from its latest snapshot, and another segment's with the same rule apart", async () => {
    const tailor = await workspace();
    await importRows(tailor, 'a.csv', ['C5,eve@example.com,Eve,Paris']);
    const frozen = await tailor.client.call('segments.save', { name: 'Paris then', rule: PARIS, kind: 'static' });
    const live = await tailor.client.call('segments.save', { name: 'Paris now', rule: PARIS });
    await tailor.client.call('personas.save', { label: 'Frozen', source: { kind: 'segment', segmentId: frozen.id } });
    await tailor.client.call('personas.save', { label: 'Live', source: { kind: 'segment', segmentId: live.id } });
    const source = '<p>Hi {{ first_name }}</p>';
    expect((await tailor.client.call('preview.render', { source })).previews.map((p) => p.customer?.id)).toEqual(['C5', 'C5']);

    // Eve leaves Paris and Ada arrives: the snapshot still holds Eve until it is refreshed.
    await importRows(tailor, 'b.csv', ['C5,eve@example.com,Eve,Lyon', 'C1,ada@example.com,Ada,Paris']);
    expect((await tailor.client.call('preview.render', { source })).previews.map((p) => p.customer?.id)).toEqual(['C5', 'C1']);
    await tailor.client.call('segments.refresh', { id: frozen.id });
    expect((await tailor.client.call('preview.render', { source })).previews.map((p) => p.customer?.id)).toEqual(['C1', 'C1']);
  });
});
