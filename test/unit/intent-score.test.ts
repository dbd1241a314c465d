import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import { niceWidth, runIntent } from '../../electron/workspace/scores/intent/run-intent';
import { customerScores, scoreRun } from '../../electron/workspace/scores/score-store';
import { DEFAULT_INTENT_WEIGHTS, type IntentSettings } from '../../shared/scores/intent/intent-settings';
import { eventContribution, intentWindow } from '../../shared/scores/intent/intent-weight';
import { StoredRule } from '../../shared/segments/rule-tree';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

const AS_OF = '2026-11-01';

/**
 * C1: a purchase on the as-of day, a cart add 7 days before, a product view 30 days before (outside a 30-day window,
 * which ends 29 days back), an email open (no weight) and a view after the as-of date (never counts).
 * C2: two product views 6 days before. C3: nothing.
 */
async function workspace(): Promise<TailorApp> {
  const { app, dir } = await freshWorkspace();
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const customers = write('customers.csv', 'customer_id,email\nC1,a@example.com\nC2,b@example.com\nC3,c@example.com\n');
  expect((await importThroughApp(app, customers, 'customers')).status).toBe('succeeded');
  const events = write(
    'events.csv',
    [
      'customer_id,type,timestamp,product',
      'C1,purchase,2026-11-01T23:30:00Z,P1',
      'C1,cart_add,2026-10-25T09:00:00Z,P1',
      'C1,product_view,2026-10-02T09:00:00Z,P1',
      'C1,email_open,2026-10-30T09:00:00Z,',
      'C1,product_view,2026-11-02T00:30:00Z,P2',
      'C2,product_view,2026-10-26T10:00:00Z,P3',
      'C2,product_view,2026-10-26T11:00:00Z,P4',
      '',
    ].join('\n'),
  );
  const report = await importThroughApp(app, events, 'events');
  expect(report.status, report.message ?? '').toBe('succeeded');
  expect(report.rowsCreated).toBe(7);
  return app;
}

const settings = (overrides: Partial<IntentSettings> = {}): IntentSettings => ({
  asOf: AS_OF,
  windowDays: 30,
  halfLifeDays: null,
  weights: { ...DEFAULT_INTENT_WEIGHTS },
  threshold: null,
  ...overrides,
});

describe('intent score', () => {
  it('defines the window as the as-of day and the days before it, and halves a weight every half-life', () => {
    expect(intentWindow({ asOf: AS_OF, windowDays: 7 })).toEqual({ from: '2026-10-26', until: '2026-11-02' });
    expect(eventContribution(10, 0, 7)).toBe(10);
    expect(eventContribution(10, 7, 7)).toBe(5);
    expect(eventContribution(10, 14, 7)).toBe(2.5);
    expect(eventContribution(10, 14, null)).toBe(10);
  });

  it('draws the histogram with round bin widths', () => {
    expect([0.5, 1.13, 2.1, 3, 0.07, 40].map(niceWidth)).toEqual([0.5, 2, 2.5, 5, 0.1, 50]);
  });

  it('sums the weights of the window on fixed dates, with and without decay', async () => {
    const app = await workspace();
    const db = app.session.require().db;
    const scores = () => ['C1', 'C2', 'C3'].map((id) => customerScores(db, id).intent_score);

    const plain = runIntent(db, settings());
    // C1: purchase 10 + cart add 5 (the view 30 days back, the email open and the later view do not count).
    expect(scores()).toEqual([15, 6, 0]);
    expect(plain).toMatchObject({ customers: 3, withIntent: 2, events: 4, max: 15 });
    expect(plain.unweighted).toEqual([{ type: 'email_open', count: 1 }]);
    // Round bin edges (width 0.5 for a maximum of 15), the maximum in the last bin.
    expect(plain.bins).toHaveLength(31);
    expect(plain.bins[12]).toEqual({ from: 6, to: 6.5, count: 1 });
    expect(plain.bins[30]).toEqual({ from: 15, to: 15.5, count: 1 });
    expect(plain.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(2);

    runIntent(db, settings({ windowDays: 31 }));
    expect(scores()).toEqual([18, 6, 0]);

    runIntent(db, settings({ halfLifeDays: 7 }));
    // Ages in whole days: purchase 0 (10), cart add 7 (5 / 2), views 6 (3 × 0.5^(6/7) each).
    const [c1, c2, c3] = scores();
    expect(c1).toBeCloseTo(10 + 2.5, 10);
    expect(c2).toBeCloseTo(2 * 3 * 0.5 ** (6 / 7), 10);
    expect(c3).toBe(0);

    runIntent(db, settings({ weights: { email_open: 2, product_view: 1 } }));
    expect(scores()).toEqual([2, 2, 0]);
    expect(scoreRun(db, 'intent')).toMatchObject({ asOf: AS_OF, modelVersion: 'intent-1', settings: { weights: { email_open: 2 } } });
  });

  it('runs as a job; a threshold is kept with the run and makes the High intent segment; a cancel keeps the scores', async () => {
    const app = await workspace();
    const { client } = app;
    expect(await client.call('intent.latest', {})).toBeNull();
    await expect(client.call('intent.applyThreshold', { threshold: 5 })).rejects.toMatchObject({ code: 'conflict' });

    const { jobId } = await client.call('intent.start', { asOf: AS_OF, windowDays: 30 });
    const job = await app.jobs.settle(jobId);
    expect(job).toMatchObject({ kind: 'intent.run', status: 'succeeded', result: { customers: 3, withIntent: 2 } });
    const latest = await client.call('intent.latest', {});
    expect(latest).toMatchObject({ settings: { asOf: AS_OF, threshold: null }, summary: { max: 15 }, segment: null });

    expect(await client.call('intent.countAtLeast', { threshold: 6 })).toEqual({ count: 2 });
    expect(await client.call('intent.countAtLeast', { threshold: 6.5 })).toEqual({ count: 1 });
    const applied = await client.call('intent.applyThreshold', { threshold: 6.5 });
    expect(applied).toMatchObject({ segment: { name: 'High intent' }, count: 1 });
    const db = app.session.require().db;
    const stored = db.prepare('SELECT rule FROM segments WHERE id = ?').pluck().get(applied.segment.id) as string;
    expect(StoredRule.parse(JSON.parse(stored))).toEqual({
      kind: 'group',
      combinator: 'and',
      negate: false,
      children: [{ kind: 'score', score: 'intent_score', op: 'gte', value: '6.5', values: [] }],
    });
    // Applying again updates the same segment.
    expect((await client.call('intent.applyThreshold', { threshold: 6 })).segment.id).toBe(applied.segment.id);
    const updated = db.prepare('SELECT rule FROM segments WHERE id = ?').pluck().get(applied.segment.id) as string;
    expect(JSON.parse(updated)).toMatchObject({ children: [{ score: 'intent_score', op: 'gte', value: '6' }] });
    expect(await client.call('intent.latest', {})).toMatchObject({ settings: { threshold: 6 }, segment: { id: applied.segment.id } });

    // Re-scoring keeps the threshold; a cancelled run keeps the previous scores and run.
    const before = scoreRun(db, 'intent');
    const second = await client.call('intent.start', { asOf: AS_OF, windowDays: 1 });
    await client.call('jobs.cancel', { jobId: second.jobId });
    expect(await app.jobs.settle(second.jobId)).toMatchObject({ status: 'cancelled', result: { status: 'cancelled' } });
    expect(scoreRun(db, 'intent')).toEqual(before);
    expect(customerScores(db, 'C1').intent_score).toBe(15);

    const third = await client.call('intent.start', { asOf: AS_OF, windowDays: 1 });
    expect((await app.jobs.settle(third.jobId)).status).toBe('succeeded');
    expect(await client.call('intent.latest', {})).toMatchObject({ settings: { windowDays: 1, threshold: 6 } });
    expect(customerScores(db, 'C1').intent_score).toBe(10);
  });

  it('refuses bad settings with a message', async () => {
    const { app } = await freshWorkspace();
    await expect(app.client.call('intent.start', { asOf: '2026-02-30' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(app.client.call('intent.start', { weights: { product_view: 0 } })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(app.client.call('intent.start', { windowDays: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
