import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClustersRun } from '../../shared/scores/clusters/cluster-run';
import type { IntentRun } from '../../shared/scores/intent/intent-summary';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

async function workspaceWithActivity(): Promise<string> {
  const dir = tempDir();
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const workspace = path.join(dir, 'shop.tailor');
  const write = (name: string, lines: string[]) => {
    fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
    return path.join(dir, name);
  };
  const customers = ['customer_id,email'];
  const orders = ['order_id,customer_id,ordered_at,total'];
  for (let i = 1; i <= 10; i++) {
    customers.push(`C${i},c${i}@example.com`);
    for (let n = 0; n < (i <= 5 ? 6 : 1); n++) orders.push(`O${i}-${n},C${i},2026-${i <= 5 ? '10' : '03'}-1${n},${i <= 5 ? 400 + n : 15}`);
  }
  const events = [
    'customer_id,type,timestamp',
    'C1,product_view,2026-10-30T10:00:00Z',
    'C1,purchase,2026-10-31T10:00:00Z',
    'C2,cart_add,2026-10-01T10:00:00Z',
  ];
  expect((await cli(['init', workspace])).code).toBe(0);
  expect((await cli(['import', workspace, '--customers', write('customers.csv', customers)])).code).toBe(0);
  expect((await cli(['import', workspace, '--orders', write('orders.csv', orders)])).code).toBe(0);
  expect((await cli(['import', workspace, '--events', write('events.csv', events)])).code).toBe(0);
  return workspace;
}

describe('tailor score', () => {
  it('scores intent at --as-of and prints the run as JSON', async () => {
    const workspace = await workspaceWithActivity();
    const result = await cli(['score', workspace, 'intent', '--as-of', '2026-11-01', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout) as IntentRun & { workspace: string; model: string };
    expect(run).toMatchObject({ workspace, model: 'intent', settings: { asOf: '2026-11-01', windowDays: 90 } });
    expect(run.summary).toMatchObject({ customers: 10, withIntent: 2, max: 13, events: 3 });

    const text = await cli(['score', workspace, 'intent', '--as-of', '2026-10-30']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Intent scores of ${workspace} at 2026-10-30`);
    expect(text.stdout).toContain('10 customers, 2 with intent, highest score 5');
  });

  it('clusters with --k and prints the profile', async () => {
    const workspace = await workspaceWithActivity();
    const result = await cli(['score', workspace, 'clusters', '--as-of', '2026-11-01', '--k', '2', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout) as ClustersRun & { model: string };
    expect(run.model).toBe('clusters');
    expect(run.summary).toMatchObject({ k: 2, chosenBy: 'user', customers: 10 });
    expect(run.summary.clusters.map((cluster) => cluster.size)).toEqual([5, 5]);

    const text = await cli(['score', workspace, 'clusters', '--as-of', '2026-11-01', '--k', '3']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('k = 3 (chosen');
    expect(text.stdout).toMatch(/cluster\s+customers\s+Recency\s+Frequency\s+Monetary\s+Engagement\s+medoid/);
  });

  it('refuses an unknown model, a bad date and --k for intent', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const workspace = path.join(dir, 'shop.tailor');
    expect((await cli(['init', workspace])).code).toBe(0);
    const unknown = await cli(['score', workspace, 'magic', '--json']);
    expect(unknown.code).toBe(2);
    const error = (JSON.parse(unknown.stdout) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('usage');
    expect(error.message).toContain('Allowed choices are rfm, intent, clusters, churn, propensity');
    const date = await cli(['score', workspace, 'intent', '--as-of', '2026-13-01', '--json']);
    expect(date.code).toBe(2);
    const k = await cli(['score', workspace, 'intent', '--k', '3']);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('--k applies to clusters only');
  });
});
