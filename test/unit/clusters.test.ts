import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import { computedTokens } from '../../electron/services/computed-tokens';
import { readFeatures } from '../../electron/workspace/scores/clusters/read-features';
import { customerScores, scoreRun } from '../../electron/workspace/scores/score-store';
import { defaultClusterNames } from '../../shared/scores/clusters/cluster-profile';
import { scoreKs } from '../../shared/scores/clusters/choose-k';
import { fitKMeans, meanSilhouette, medoids, sampleIndices } from '../../shared/scores/clusters/kmeans';
import { standardise } from '../../shared/scores/clusters/standardise';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

/** Three well separated blobs in 2-D, 30 points each, from a fixed linear congruential sequence. */
function blobs(): { points: number[][]; truth: number[] } {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
  ];
  const points: number[][] = [];
  const truth: number[] = [];
  centres.forEach(([x, y], c) => {
    for (let i = 0; i < 30; i++) {
      points.push([(x as number) + next(), (y as number) + next()]);
      truth.push(c);
    }
  });
  return { points, truth };
}

/** Labels agree up to renumbering. */
const samePartition = (a: readonly number[], b: readonly number[]) => {
  const map = new Map<number, number>();
  return a.every((label, i) => {
    const seen = map.get(label);
    if (seen === undefined) map.set(label, b[i] as number);
    return (seen ?? b[i]) === b[i];
  });
};

describe('k-means, silhouette and medoids', () => {
  it('is reproducible with a seed and finds separable clusters', () => {
    const { points, truth } = blobs();
    const first = fitKMeans(points, 3, 7);
    const again = fitKMeans(points, 3, 7);
    expect(again).toEqual(first);
    expect(samePartition(first.labels, truth)).toBe(true);
    expect(first.inertia).toBeLessThan(20);
  });

  it('gives the same clusters for the same seed where the data leave room for several answers', () => {
    let state = 99;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const uniform = Array.from({ length: 300 }, () => [next(), next()]);
    const first = fitKMeans(uniform, 6, 7);
    for (let run = 0; run < 3; run++) expect(fitKMeans(uniform, 6, 7)).toEqual(first);
    // Another seed starts elsewhere and (on structureless data) ends elsewhere: the seed is what fixes the result.
    expect(fitKMeans(uniform, 6, 8).inertia).not.toBe(first.inertia);
  });

  it('scores a separable set near 1 and a random split near 0; the chart picks the true k', () => {
    const { points, truth } = blobs();
    expect(meanSilhouette(points, truth)).toBeGreaterThan(0.9);
    const shuffled = truth.map((_, i) => (i * 7) % 3);
    expect(Math.abs(meanSilhouette(points, shuffled))).toBeLessThan(0.1);
    const { scores, best } = scoreKs(points, 3);
    expect(best).toBe(3);
    expect(scores.map((score) => score.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // The elbow: inertia falls steeply up to the true k, then slowly.
    const inertia = (k: number) => scores.find((score) => score.k === k)?.inertia ?? NaN;
    expect(inertia(2) / inertia(3)).toBeGreaterThan(10);
    expect(inertia(3) / inertia(4)).toBeLessThan(2);
  });

  it('suggests the smallest k whose silhouette is within 0.02 of the best', () => {
    // Two tight pairs of blobs far apart: k = 2 separates the pairs, k = 4 the blobs, with a slightly better silhouette.
    const points: number[][] = [];
    for (const [x, y] of [
      [0, 0],
      [3, 0],
      [40, 0],
      [43, 0],
    ] as const)
      for (let i = 0; i < 10; i++) points.push([x + (i % 3) * 0.05, y + Math.floor(i / 3) * 0.05]);
    const { scores, best } = scoreKs(points, 1, () => {}, [2, 4]);
    const [two, four] = scores;
    expect(four!.silhouette).toBeGreaterThan(two!.silhouette);
    expect(four!.silhouette - two!.silhouette).toBeLessThan(0.02);
    expect(best).toBe(2);
  });

  it('takes the member nearest each centroid as its medoid', () => {
    const points = [
      [0, 0],
      [1, 1],
      [0.9, 1.1],
      [5, 5],
      [6, 6],
      [5.4, 5.6],
    ];
    const labels = [0, 0, 0, 1, 1, 1];
    expect(
      medoids(points, labels, [
        [0.85, 1.05],
        [5.5, 5.5],
      ]),
    ).toEqual([2, 5]);
    expect(
      medoids(points, labels, [
        [0, 0],
        [5, 5],
        [9, 9],
      ]),
    ).toEqual([0, 3, null]);
  });

  it('standardises after log1p where asked, a constant column to zeros', () => {
    const { points, params } = standardise(
      [
        [0, Math.E - 1, Math.E ** 2 - 1],
        [4, 4, 4],
      ],
      ['log1p', 'none'],
    );
    expect(params[0]).toMatchObject({ transform: 'log1p', mean: 1 });
    expect(points.map((row) => row[0])).toEqual([-1 / params[0]!.sd, 0, 1 / params[0]!.sd]);
    expect(points.map((row) => row[1])).toEqual([0, 0, 0]);
  });

  it('samples the same indices for the same seed', () => {
    expect(sampleIndices(10, 20, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const sample = sampleIndices(10_000, 100, 5);
    expect(sample).toEqual(sampleIndices(10_000, 100, 5));
    expect(sample).toHaveLength(100);
    expect(new Set(sample).size).toBe(100);
  });

  it('names clusters by the feature that sets them apart, "Cluster N" otherwise, never twice the same', () => {
    expect(
      defaultClusterNames(
        ['recency', 'monetary'],
        [
          [0.1, 1.5],
          [2, -0.2],
          [0.1, 0.1],
          [0, 1.2],
        ],
      ),
    ).toEqual(['High value', 'Lapsed', 'Cluster 3', 'High value 2']);
  });
});

const AS_OF = '2026-11-01';

/**
 * 24 buyers in two groups: 12 big spenders who ordered recently and often, 12 who ordered once, long ago, cheaply;
 * plus N1 without orders. One order after the as-of date, which never counts.
 */
async function workspace(): Promise<TailorApp> {
  const { app, dir } = await freshWorkspace();
  const customers = ['customer_id,email,first_name,last_name'];
  const orders = ['order_id,customer_id,ordered_at,total'];
  for (let i = 1; i <= 12; i++) {
    customers.push(`B${i},b${i}@example.com,Big,Spender ${i}`, `S${i},s${i}@example.com,Small,Buyer ${i}`);
    for (let n = 0; n < 5 + (i % 3); n++)
      orders.push(`B${i}-${n},B${i},2026-10-${String(10 + n + (i % 5)).padStart(2, '0')},${300 + i * 7 + n}`);
    orders.push(`S${i}-0,S${i},2025-0${1 + (i % 9)}-15,${10 + i}`);
  }
  customers.push('N1,n1@example.com,No,Orders');
  orders.push('LATE,S1,2026-11-20,5000');
  fs.writeFileSync(path.join(dir, 'customers.csv'), `${customers.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'orders.csv'), `${orders.join('\n')}\n`);
  expect((await importThroughApp(app, path.join(dir, 'customers.csv'), 'customers')).status).toBe('succeeded');
  expect((await importThroughApp(app, path.join(dir, 'orders.csv'), 'orders')).status).toBe('succeeded');
  return app;
}

describe('clusters on a workspace', () => {
  it('reads features at the as-of date', async () => {
    const app = await workspace();
    const features = readFeatures(app.session.require().db, { asOf: AS_OF, engagementDays: 90 });
    const index = (id: string) => features.ids.indexOf(id);
    const s1 = index('S1');
    expect(features.hasOrders[s1]).toBe(1);
    expect(features.columns.frequency[s1]).toBe(1);
    expect(features.columns.monetary[s1]).toBe(11);
    // 2025-02-15 to 2026-11-01.
    expect(features.columns.recency[s1]).toBe(624);
    expect(features.columns.tenure[s1]).toBe(624);
    expect(features.hasOrders[index('N1')]).toBe(0);
  });

  it('clusters in a job: profile, names, medoids; renames relabel members; a cancel keeps the previous clusters', async () => {
    const app = await workspace();
    const { client } = app;
    expect(await client.call('clusters.latest', {})).toBeNull();
    const { jobId } = await client.call('clusters.start', { asOf: AS_OF, features: ['recency', 'frequency', 'monetary'] });
    const job = await app.jobs.settle(jobId);
    expect(job, job.message ?? '').toMatchObject({ kind: 'clusters.run', status: 'succeeded', result: { k: 2, customers: 24 } });

    const run = await client.call('clusters.latest', {});
    expect(run?.summary).toMatchObject({ k: 2, chosenBy: 'silhouette', customers: 24, withoutOrders: 1, fitted: 24 });
    expect(run?.summary.kScores.map((score) => score.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const clusters = run?.summary.clusters ?? [];
    expect(clusters.map((cluster) => cluster.size)).toEqual([12, 12]);
    const big = clusters.find((cluster) => (cluster.means[2] as number) > 1000);
    const small = clusters.find((cluster) => (cluster.means[2] as number) < 100);
    expect(big?.name).toMatch(/^(Recent buyers|Frequent buyers|High value)$/);
    expect(small?.name).toMatch(/^(Lapsed|Occasional buyers|Low value)$/);
    expect(big?.medoid?.id).toMatch(/^B/);
    expect(small?.medoid?.id).toMatch(/^S/);
    expect(big?.medoid?.name).toMatch(/^Big Spender/);
    expect(run?.summary.overall[1]).toBeCloseTo((12 + clusters.find((c) => c === big)!.means[1]! * 12) / 24, 10);

    const db = app.session.require().db;
    expect(customerScores(db, 'B1').cluster).toBe(big?.name);
    expect(customerScores(db, 'S1').cluster).toBe(small?.name);
    expect(customerScores(db, 'N1').cluster).toBe('No orders');

    const renamed = await client.call('clusters.rename', { index: big!.index, name: 'VIP' });
    expect(renamed.summary.clusters.find((cluster) => cluster.index === big!.index)?.name).toBe('VIP');
    expect(customerScores(db, 'B1').cluster).toBe('VIP');
    await expect(client.call('clusters.rename', { index: small!.index, name: 'vip' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(client.call('clusters.rename', { index: small!.index, name: 'No orders' })).rejects.toMatchObject({ code: 'conflict' });

    // Same settings, same seed: the same clusters. A cancelled run leaves them as they are.
    const before = scoreRun(db, 'clusters');
    const second = await client.call('clusters.start', { asOf: AS_OF, features: ['recency', 'frequency', 'monetary'], k: 3 });
    await client.call('jobs.cancel', { jobId: second.jobId });
    expect(await app.jobs.settle(second.jobId)).toMatchObject({ status: 'cancelled' });
    expect(scoreRun(db, 'clusters')).toEqual(before);
    expect(customerScores(db, 'B1').cluster).toBe('VIP');

    const third = await client.call('clusters.start', { asOf: AS_OF, features: ['recency', 'frequency', 'monetary'] });
    await app.jobs.settle(third.jobId);
    const again = await client.call('clusters.latest', {});
    expect(again?.summary.clusters.map(({ size, means, medoid }) => ({ size, means, medoid }))).toEqual(
      clusters.map(({ size, means, medoid }) => ({ size, means, medoid })),
    );
  });

  it('a rename carries the segments whose rules name the cluster, so they keep their members', async () => {
    const app = await workspace();
    const { client } = app;
    await app.jobs.settle((await client.call('clusters.start', { asOf: AS_OF, features: ['recency', 'frequency', 'monetary'] })).jobId);
    const clusters = (await client.call('clusters.latest', {}))?.summary.clusters ?? [];
    const big = clusters.find((cluster) => (cluster.means[2] as number) > 1000)!;
    const small = clusters.find((cluster) => cluster !== big)!;
    const leaf = (op: 'equals' | 'not_equals' | 'in_list' | 'contains', value: string, values: string[] = []) =>
      ({ kind: 'score', score: 'cluster', op, value, values }) as const;
    const group = (...children: ReturnType<typeof leaf>[]) => ({ kind: 'group', combinator: 'or', negate: false, children }) as const;
    const exact = await client.call('segments.save', { name: 'Big ones', rule: group(leaf('equals', big.name.toUpperCase())) });
    const nested = await client.call('segments.save', {
      name: 'Listed',
      kind: 'static',
      rule: { kind: 'group', combinator: 'and', negate: false, children: [group(leaf('in_list', '', [small.name, big.name]))] },
    });
    const others = await client.call('segments.save', { name: 'Not big', rule: group(leaf('not_equals', big.name)) });
    const partial = await client.call('segments.save', { name: 'Partial', rule: group(leaf('contains', 'zz')) });
    expect([exact.count, nested.count, others.count]).toEqual([12, 24, 13]);
    const db = app.session.require().db;
    expect(computedTokens.tokensFor(db, 'B1')).toMatchObject({ scores: { cluster: big.name }, segments: ['Big ones', 'Listed'] });

    await client.call('clusters.rename', { index: big.index, name: 'VIP' });
    const after = new Map((await client.call('segments.list', {})).map((segment) => [segment.id, segment]));
    expect(after.get(exact.id)).toMatchObject({ count: 12, problem: null, rule: group(leaf('equals', 'VIP')) });
    expect(after.get(nested.id)?.rule.children[0]).toEqual(group(leaf('in_list', '', [small.name, 'VIP'])));
    expect(after.get(others.id)).toMatchObject({ count: 13, rule: group(leaf('not_equals', 'VIP')) });
    // Previews see the new name at once (their cache of computed tokens is dropped by the rename).
    expect(computedTokens.tokensFor(db, 'B1')).toMatchObject({ scores: { cluster: 'VIP' }, segments: ['Big ones', 'Listed'] });
    // A condition that does not name the cluster whole is the user's text, left as written.
    expect(after.get(partial.id)?.rule).toEqual(partial.rule);
  });

  it('says what to do when there is nothing to cluster', async () => {
    const { app, dir } = await freshWorkspace();
    fs.writeFileSync(path.join(dir, 'c.csv'), 'customer_id,email\nC1,a@example.com\nC2,b@example.com\n');
    await importThroughApp(app, path.join(dir, 'c.csv'), 'customers');
    const { jobId } = await app.client.call('clusters.start', { asOf: AS_OF });
    const job = await app.jobs.settle(jobId);
    expect(job).toMatchObject({ status: 'failed', result: { status: 'failed' } });
    expect(job.message).toContain('Only 0 customers have orders before 2026-11-01');
    expect(await app.client.call('clusters.latest', {})).toBeNull();
  });
});
