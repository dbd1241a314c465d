import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyGridFilter, listInput } from '../../renderer/features/customers/grid-filter';
import { freshWorkspace } from '../support/workspace-app';

describe('customers.list total', () => {
  it('counts the matches by default and skips the count when a later page asks withTotal: false', async () => {
    const { app, dir } = await freshWorkspace();
    const csv = path.join(dir, 'customers.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `C-${String(i).padStart(2, '0')},c${i}@example.com,${i * 10}`);
    fs.writeFileSync(csv, `Customer ID,Email,lifetime_value\n${rows.join('\n')}\n`);
    const { jobId } = await app.client.call('imports.start', { path: csv });
    expect(await app.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });

    const filters = [{ field: 'lifetime_value', op: 'gt' as const, value: '100' }];
    const first = await app.client.call('customers.list', { filters, limit: 5 });
    expect(first.total).toBe(19);
    const later = await app.client.call('customers.list', { filters, limit: 5, offset: 5, withTotal: false });
    expect(later.total).toBeNull();
    // Same rows as a counted page: only the count is left out.
    const counted = await app.client.call('customers.list', { filters, limit: 5, offset: 5 });
    expect(counted.total).toBe(19);
    expect(later.rows.map((row) => row.id)).toEqual(counted.rows.map((row) => row.id));
  });

  it('the grid asks for the total on its first page only', () => {
    const filter = { ...emptyGridFilter(), search: 'ada' };
    expect(listInput(filter, 0, 200).withTotal).toBeUndefined(); // the contract's default: counted
    expect(listInput(filter, 200, 200).withTotal).toBe(false);
    expect(listInput(filter, 4000, 200).withTotal).toBe(false);
  });
});
