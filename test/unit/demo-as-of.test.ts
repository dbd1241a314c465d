import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_REFERENCE_DATE } from '../../electron/workspace/demo';
import { MIGRATIONS } from '../../electron/workspace/migrations';
import { openDatabase } from '../../electron/workspace/db';
import { todayIso } from '../../shared/scores/as-of-date';
import type { RuleTree } from '../../shared/segments/rule-tree';
import { tempDir } from '../support/temp';
import { freshWorkspace } from '../support/workspace-app';

/*
 * The demo's activity ends the day before DEMO_REFERENCE_DATE, whatever day it
 * is generated. Everything that evaluates "as of" a day without being given
 * one (segments, scores, the forms' first value) takes the workspace's default
 * as-of day: the demo's reference day there, today elsewhere. None of these
 * checks depends on today's date: a relative window at the default day is
 * compared with the same window at the reference day.
 */

const boughtInLast = (days: number): RuleTree => ({
  kind: 'group',
  combinator: 'and',
  negate: false,
  children: [{ kind: 'orders', measure: 'count', op: 'gte', value: '1', windowDays: days, category: null }],
});

describe("the demo's default as-of day", () => {
  it('is the day after its last activity, so windows, tiers and scores are never empty as time passes', async () => {
    const { app } = await freshWorkspace();
    await app.client.call('workspace.create', { path: path.join(tempDir(), 'demo.tailor'), demo: true });
    expect(await app.client.call('workspace.current', {})).toMatchObject({ defaultAsOf: DEMO_REFERENCE_DATE });

    const atReference = await app.client.call('segments.count', { rule: boughtInLast(30), asOf: DEMO_REFERENCE_DATE, sample: 0 });
    expect(atReference.count).toBeGreaterThan(0);
    expect(await app.client.call('segments.count', { rule: boughtInLast(30), asOf: null, sample: 0 })).toEqual(atReference);
    const saved = await app.client.call('segments.save', { name: 'Recent buyers', rule: boughtInLast(30) });
    expect(saved.count).toBe(atReference.count);
    const overview = await app.client.call('segments.overview', {});
    expect(overview.asOf).toBe(DEMO_REFERENCE_DATE);
    expect(overview.segments.find((segment) => segment.id === saved.id)?.count).toBe(atReference.count);

    const { jobId } = await app.client.call('scores.rfm.run', {});
    expect(await app.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });
    const rfm = await app.client.call('scores.rfm.summary', {});
    expect(rfm?.asOf).toBe(DEMO_REFERENCE_DATE);
  });

  it('is today in a workspace of the user’s own data', async () => {
    const { app } = await freshWorkspace();
    expect(await app.client.call('workspace.current', {})).toMatchObject({ defaultAsOf: todayIso() });
  });

  it('is set for a demo made before the default existed (recognised by its segments’ fixed creation time)', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'w.tailor'), { create: true });
    db.exec('DROP TABLE workspace_settings');
    db.prepare('INSERT INTO segments (name, rule, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      'Lapsed customers',
      JSON.stringify({ match: 'all', conditions: [] }),
      `${DEMO_REFERENCE_DATE}T00:00:00.000Z`,
      `${DEMO_REFERENCE_DATE}T00:00:00.000Z`,
    );
    db.exec(MIGRATIONS.find((migration) => migration.includes('CREATE TABLE workspace_settings')) ?? '');
    expect(db.prepare(`SELECT value FROM workspace_settings WHERE key = 'default_as_of'`).pluck().get()).toBe(DEMO_REFERENCE_DATE);
    db.close();
  });
});
