import { describe, expect, it } from 'vitest';
import { DEFAULT_RFM_SETTINGS } from '../../shared/scores/rfm/default-tiers';
import { rfmTable } from '../../shared/scores/rfm/rfm-table';
import { customerScores } from '../../electron/workspace/scores/score-store';
import { packageOrders, packageReference } from '../support/rfm-reference';
import { insertOrders } from '../support/rfm-workspace';
import { freshWorkspace } from '../support/workspace-app';

const AS_OF = '2006-12-31';

describe('RFM through the contract (job score.rfm)', () => {
  it("scores the package's sample data in a worker exactly as the package does, and stores the summary", async () => {
    const { app } = await freshWorkspace();
    const db = app.session.require().db;
    const orders = packageOrders();
    insertOrders(db, orders, ['no-orders']);
    const { jobId } = await app.client.call('scores.rfm.run', { asOf: AS_OF });
    const job = await app.jobs.settle(jobId);
    expect(job.status, job.message ?? '').toBe('succeeded');
    expect(job.message).toBe('Scored 995 customers as of 2006-12-31; 1 customer without orders have no RFM score.');

    const run = await app.client.call('scores.rfm.summary', {});
    expect(run).toMatchObject({ asOf: AS_OF, modelVersion: 'rfm-1' });
    const summary = run!.summary;
    expect(summary).toMatchObject({ customers: 995, customersWithoutOrders: 1, orders: 4906, revenue: 464158 });
    for (const published of packageReference().segment_rules_docs.rfm_segment_summary) {
      expect(summary.tiers.find((row) => row.tier === published.segment)).toEqual({
        tier: published.segment,
        customers: published.customers,
        orders: published.orders,
        revenue: published.revenue,
        averageOrderValue: published.aov_round2_recomputed,
      });
    }
    expect(summary.tiers.at(-1)).toEqual({ tier: 'Others', customers: 0, orders: 0, revenue: 0, averageOrderValue: null });
    expect(Math.round(summary.heatmap.reduce((sum, cell) => sum + cell.meanMonetary, 0))).toBe(12634);
    expect(summary.counts.frequency.map((entry) => entry.customers)).toEqual([268, 187, 176, 244, 120]);

    // Every customer's stored scores are the in-memory reference's.
    const { rows } = rfmTable(orders, AS_OF, DEFAULT_RFM_SETTINGS);
    for (const row of rows)
      expect(customerScores(db, row.customerId), row.customerId).toEqual({
        rfm_r: row.recency,
        rfm_f: row.frequency,
        rfm_m: row.monetary,
        rfm_tier: row.tier,
      });
    expect(customerScores(db, 'no-orders')).toEqual({});
  });

  it('saves settings per workspace and runs with them: bins, method and the tier table', async () => {
    const { app } = await freshWorkspace();
    insertOrders(app.session.require().db, packageOrders());
    expect(await app.client.call('scores.rfm.settings.get', {})).toEqual(DEFAULT_RFM_SETTINGS);
    const settings = {
      ...DEFAULT_RFM_SETTINGS,
      method: 'quantile' as const,
      bins: { recency: 3, frequency: 4, monetary: 5 },
      tiers: [
        { name: 'Top', recency: [3, 3] as [number, number], frequency: [4, 4] as [number, number], monetary: [1, 5] as [number, number] },
      ],
      otherTier: 'Rest',
    };
    expect(await app.client.call('scores.rfm.settings.save', settings)).toEqual(settings);
    const job = await app.jobs.settle((await app.client.call('scores.rfm.run', { asOf: AS_OF })).jobId);
    expect(job.status).toBe('succeeded');
    const summary = (await app.client.call('scores.rfm.summary', {}))!.summary;
    const expected = rfmTable(packageOrders(), AS_OF, settings).rows;
    expect(summary.counts.recency.map((entry) => entry.score)).toEqual([1, 2, 3]);
    expect(summary.tiers.map((row) => [row.tier, row.customers])).toEqual([
      ['Top', expected.filter((row) => row.tier === 'Top').length],
      ['Rest', expected.filter((row) => row.tier === 'Rest').length],
    ]);
    await expect(app.client.call('scores.rfm.settings.save', { ...settings, bins: { ...settings.bins, recency: 12 } })).rejects.toThrow(
      /at most 9/,
    );
    await expect(app.client.call('scores.rfm.run', { asOf: '2026-02-30' })).rejects.toThrow(/does not exist/);
  });

  it('counts only orders up to the as-of date', async () => {
    const { app } = await freshWorkspace();
    const db = app.session.require().db;
    insertOrders(db, [
      { customerId: 'a', orderedAt: '2026-03-01T10:00:00.000Z', amount: 10 },
      { customerId: 'a', orderedAt: '2026-03-02T10:00:00.000Z', amount: 20 },
      { customerId: 'b', orderedAt: '2026-03-05T10:00:00.000Z', amount: 30 },
    ]);
    await app.jobs.settle((await app.client.call('scores.rfm.run', { asOf: '2026-03-01' })).jobId);
    const summary = (await app.client.call('scores.rfm.summary', {}))!.summary;
    expect(summary).toMatchObject({ customers: 1, customersWithoutOrders: 1, orders: 1, revenue: 10 });
    expect(customerScores(db, 'b')).toEqual({});
  });

  it('keeps the previous scores and summary when a run is cancelled', async () => {
    const { app } = await freshWorkspace();
    const db = app.session.require().db;
    insertOrders(db, packageOrders());
    await app.jobs.settle((await app.client.call('scores.rfm.run', { asOf: AS_OF })).jobId);
    const before = customerScores(db, "Abbey O'Reilly");
    const previous = await app.client.call('scores.rfm.summary', {});

    const { jobId } = await app.client.call('scores.rfm.run', { asOf: '2005-06-30' });
    await app.client.call('jobs.cancel', { jobId });
    const job = await app.jobs.settle(jobId);
    expect(job.status).toBe('cancelled');
    expect(job.message).toBe('RFM cancelled; the previous scores are kept.');
    expect(customerScores(db, "Abbey O'Reilly")).toEqual(before);
    expect(await app.client.call('scores.rfm.summary', {})).toEqual(previous);
  });

  it('scores nobody in a workspace without orders, and says so', async () => {
    const { app } = await freshWorkspace();
    insertOrders(app.session.require().db, [], ['x']);
    const job = await app.jobs.settle((await app.client.call('scores.rfm.run', { asOf: AS_OF })).jobId);
    expect(job.message).toBe('No orders up to 2006-12-31: nobody was scored.');
    const summary = (await app.client.call('scores.rfm.summary', {}))!.summary;
    expect(summary).toMatchObject({ customers: 0, customersWithoutOrders: 1, heatmap: [] });
  });
});
