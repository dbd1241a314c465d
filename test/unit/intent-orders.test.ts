import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIntent } from '../../electron/workspace/scores/intent/run-intent';
import { customerScores } from '../../electron/workspace/scores/score-store';
import { DEFAULT_INTENT_WEIGHTS, type IntentSettings } from '../../shared/scores/intent/intent-settings';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

/**
 * The default intent weights give a purchase 10, but Tailor imports purchases
 * as orders, not as `purchase` events: in the demo (and any shop that imports
 * its orders) the heaviest weight counted nothing. Orders now count as
 * `purchase` events, unless the workspace records purchases as events itself
 * (then counting its orders too would count each purchase twice).
 */

const settings = (overrides: Partial<IntentSettings> = {}): IntentSettings => ({
  asOf: '2026-11-01',
  windowDays: 30,
  halfLifeDays: null,
  weights: { ...DEFAULT_INTENT_WEIGHTS },
  threshold: null,
  ...overrides,
});

/** C1 ordered twice in the window and once before it; C2 viewed a product; C3 did nothing. */
async function workspace(events: string[]) {
  const { app, dir } = await freshWorkspace();
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, [...lines, ''].join('\n'));
    return file;
  };
  const imported = async (file: string, entity: 'customers' | 'orders' | 'events') => {
    const report = await importThroughApp(app, file, entity);
    expect(report.status, report.message ?? '').toBe('succeeded');
  };
  await imported(write('customers.csv', ['customer_id,email', 'C1,a@example.com', 'C2,b@example.com', 'C3,c@example.com']), 'customers');
  await imported(
    write('orders.csv', [
      'order_id,customer_id,ordered_at,total',
      'O1,C1,2026-10-20T10:00:00Z,40',
      'O2,C1,2026-11-01T22:00:00Z,15',
      'O3,C1,2026-08-01T10:00:00Z,99',
      'O4,C2,2026-11-02T09:00:00Z,20',
    ]),
    'orders',
  );
  await imported(
    write('events.csv', ['customer_id,type,timestamp,product', 'C2,product_view,2026-10-30T09:00:00Z,P1', ...events]),
    'events',
  );
  const db = app.session.require().db;
  return { db, scores: () => ['C1', 'C2', 'C3'].map((id) => customerScores(db, id).intent_score) };
}

describe('intent: purchases recorded as orders', () => {
  it('counts each order in the window as a purchase, decayed like an event', async () => {
    const { db, scores } = await workspace([]);
    const summary = runIntent(db, settings());
    // C1: two orders in the window (the August one is outside, C2's is after the as-of day); C2: one view.
    expect(scores()).toEqual([20, 3, 0]);
    expect(summary).toMatchObject({ withIntent: 2, events: 3, max: 20 });
    runIntent(db, settings({ halfLifeDays: 12 }));
    expect(scores()[0]).toBeCloseTo(10 * 0.5 ** (12 / 12) + 10, 10);
    // Without a purchase weight, orders count nothing.
    runIntent(db, settings({ weights: { product_view: 3 } }));
    expect(scores()).toEqual([0, 3, 0]);
  });

  it('counts purchase events instead when the workspace records purchases as events', async () => {
    const { db, scores } = await workspace(['C1,purchase,2026-10-20T10:00:00Z,P9']);
    runIntent(db, settings());
    expect(scores()).toEqual([10, 3, 0]);
  });
});
