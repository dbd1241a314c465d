import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RfmRun } from '../../shared/scores/rfm/summary';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

/** Six customers with orders from one to six, the last ones more recent, and one customer with no order. */
async function shop(): Promise<string> {
  const dir = tempDir();
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const workspace = path.join(dir, 'shop.tailor');
  const customers = path.join(dir, 'customers.csv');
  fs.writeFileSync(customers, `customer_id,email\n${[1, 2, 3, 4, 5, 6, 7].map((i) => `C${i},c${i}@example.com`).join('\n')}\n`);
  const rows = ['order_id,customer_id,ordered_at,total'];
  for (let c = 1; c <= 6; c++)
    for (let k = 1; k <= c; k++) rows.push(`O${c}-${k},C${c},2026-0${c}-${String(k + 1).padStart(2, '0')}T10:00:00Z,${10 * c}`);
  rows.push('LATE,C1,2026-12-01T10:00:00Z,999');
  const orders = path.join(dir, 'orders.csv');
  fs.writeFileSync(orders, `${rows.join('\n')}\n`);
  expect((await cli(['init', workspace])).code).toBe(0);
  expect((await cli(['import', workspace, '--customers', customers])).code).toBe(0);
  expect((await cli(['import', workspace, '--orders', orders])).code).toBe(0);
  return workspace;
}

describe('tailor score <ws> rfm', () => {
  it('scores as of a date with --bins and prints the stored run as JSON', async () => {
    const workspace = await shop();
    const result = await cli(['score', workspace, 'rfm', '--as-of', '2026-07-31', '--bins', '3', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout) as RfmRun & { workspace: string; model: string };
    expect(run).toMatchObject({ workspace, model: 'rfm', asOf: '2026-07-31' });
    expect(run.summary.bins).toEqual({ recency: 3, frequency: 3, monetary: 3 });
    // The December order is after the as-of date: 21 orders, not 22.
    expect(run.summary).toMatchObject({ customers: 6, customersWithoutOrders: 1, orders: 21 });
    expect(run.summary.counts.frequency.map((entry) => entry.score)).toEqual([1, 2, 3]);
    // --bins is for this run only: the saved settings keep five.
    const again = JSON.parse((await cli(['score', workspace, 'rfm', '--as-of', '2026-07-31', '--json'])).stdout) as RfmRun;
    expect(again.summary.bins).toEqual({ recency: 5, frequency: 5, monetary: 5 });
  });

  it('prints the tier table without --json', async () => {
    const workspace = await shop();
    const result = await cli(['score', workspace, 'rfm', '--as-of', '2026-07-31']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`RFM of ${workspace} as of 2026-07-31`);
    expect(result.stdout).toMatch(/Tier\s+Customers\s+Orders\s+Revenue\s+Avg order/);
    expect(result.stdout).toMatch(/Champions\s+1\s+6\s+360\.00\s+60\.00/);
    expect(result.stdout).toContain('6 customers scored, 1 without orders (no score)');
  });

  it('refuses a date that does not exist and an unknown model, as usage errors', async () => {
    const workspace = await shop();
    const bad = await cli(['score', workspace, 'rfm', '--as-of', '2026-02-30', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('That as-of date does not exist');
    expect((await cli(['score', workspace, 'horoscope'])).code).toBe(2);
    expect((await cli(['score', workspace, 'rfm', '--bins', '12'])).code).toBe(2);
  });
});
