import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import { populateDemo, DEMO_REFERENCE_DATE } from '../../electron/workspace/demo';
import type { TailorEvent } from '../../shared/contract/events';
import type { Job } from '../../shared/contract/schemas';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

async function demoWorkspace(customers = 800): Promise<TailorApp> {
  const { app } = await freshWorkspace();
  await populateDemo(app.session.require().db, { customers });
  return app;
}

async function run(app: TailorApp, input: { model: 'churn' | 'propensity'; asOf?: string; days?: number }): Promise<Job> {
  const { jobId } = await app.client.call('predictions.start', input);
  return app.jobs.settle(jobId);
}

const scoreRows = (app: TailorApp, score: string) =>
  app.session.require().db.prepare('SELECT customer_id, value FROM customer_scores WHERE score = ? ORDER BY customer_id').all(score) as {
    customer_id: string;
    value: number;
  }[];

describe('predictions on a workspace', () => {
  it('fits BG/NBD in a worker and stores churn probability and expected purchases for every buyer, with the run', async () => {
    const app = await demoWorkspace();
    const events: TailorEvent[] = [];
    app.events.subscribe((event) => events.push(event));
    const job = await run(app, { model: 'churn', asOf: DEMO_REFERENCE_DATE, days: 90 });
    expect(job, job.message ?? '').toMatchObject({ kind: 'predictions.run', status: 'succeeded', result: { status: 'succeeded' } });
    expect(events.some((event) => event.type === 'data.changed' && event.topics.includes('scores'))).toBe(true);

    const latest = await app.client.call('predictions.latest', { model: 'churn' });
    if (latest?.summary.model !== 'churn') throw new Error('no churn run');
    expect(latest).toMatchObject({ asOf: DEMO_REFERENCE_DATE, modelVersion: 'bgnbd-1' });
    const { params, customers, repeatCustomers, histogram } = latest.summary;
    for (const value of Object.values(params)) expect(value).toBeGreaterThan(0);
    const buyers = app.session
      .require()
      .db.prepare(`SELECT COUNT(DISTINCT customer_id) FROM orders WHERE customer_id IS NOT NULL AND substr(ordered_at, 1, 10) <= ?`)
      .pluck()
      .get(DEMO_REFERENCE_DATE);
    expect(customers).toBe(buyers);
    expect(repeatCustomers).toBeGreaterThan(20);
    expect(histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(customers);

    const churn = scoreRows(app, 'churn_probability');
    expect(churn).toHaveLength(customers);
    for (const row of churn) {
      expect(row.value).toBeGreaterThanOrEqual(0);
      expect(row.value).toBeLessThanOrEqual(1);
    }
    expect(scoreRows(app, 'expected_purchases')).toHaveLength(customers);
  });

  it('trains propensity at a cutoff, reports holdout AUC and calibration, and scores everyone known at the as-of date', async () => {
    const app = await demoWorkspace();
    const job = await run(app, { model: 'propensity', asOf: DEMO_REFERENCE_DATE, days: 90 });
    expect(job.status, job.message ?? '').toBe('succeeded');
    expect(job.message).toMatch(/holdout AUC 0\.\d{3}/);
    const latest = await app.client.call('predictions.latest', { model: 'propensity' });
    if (latest?.summary.model !== 'propensity') throw new Error('no propensity run');
    const summary = latest.summary;
    expect(summary).toMatchObject({ cutoff: '2026-08-03', days: 90 });
    expect(summary.auc).toBeGreaterThan(0.6);
    expect(summary.calibration).toHaveLength(10);
    expect(summary.calibration.reduce((sum, bin) => sum + bin.count, 0)).toBe(summary.holdoutSize);
    expect(scoreRows(app, 'purchase_propensity')).toHaveLength(summary.customers);
  });

  it('a cancelled run keeps the previous scores and run record', async () => {
    const app = await demoWorkspace(300);
    expect((await run(app, { model: 'churn', asOf: DEMO_REFERENCE_DATE })).status).toBe('succeeded');
    const before = { scores: scoreRows(app, 'churn_probability'), run: await app.client.call('predictions.latest', { model: 'churn' }) };

    const { jobId } = await app.client.call('predictions.start', { model: 'churn', asOf: '2026-06-01' });
    await app.client.call('jobs.cancel', { jobId });
    const job = await app.jobs.settle(jobId);
    expect(job).toMatchObject({ status: 'cancelled', result: { status: 'cancelled' } });
    expect(scoreRows(app, 'churn_probability')).toEqual(before.scores);
    expect(await app.client.call('predictions.latest', { model: 'churn' })).toEqual(before.run);
  });

  it('says what it needs when there are too few repeat buyers, and keeps the previous scores', async () => {
    const { app, dir } = await freshWorkspace();
    const customers = path.join(dir, 'customers.csv');
    fs.writeFileSync(customers, 'customer_id,email\nC1,c1@example.com\nC2,c2@example.com\n');
    const orders = path.join(dir, 'orders.csv');
    fs.writeFileSync(orders, 'order_id,customer_id,ordered_at,total\nO1,C1,2026-01-02,10\nO2,C1,2026-02-02,12\nO3,C2,2026-03-02,9\n');
    await importThroughApp(app, customers, 'customers');
    await importThroughApp(app, orders, 'orders');
    const churn = await run(app, { model: 'churn', asOf: '2026-06-01' });
    expect(churn).toMatchObject({ status: 'failed', result: { status: 'not_enough_data' } });
    expect(churn.message).toMatch(/needs at least 20 customers with repeat purchases.*found 1/);
    const propensity = await run(app, { model: 'propensity', asOf: '2026-06-01' });
    expect(propensity.message).toMatch(/needs at least 50 customers/);
    expect(await app.client.call('predictions.latest', { model: 'churn' })).toBeNull();
  });

  it('refuses an as-of date that is not a calendar date', async () => {
    const { app } = await freshWorkspace();
    await expect(app.client.call('predictions.start', { model: 'churn', asOf: '2026-02-30' })).rejects.toThrow(/does not exist/);
  });
});
