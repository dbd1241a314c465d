import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../shared/audit/report';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

function workspaceWithData(): { workspace: string; customers: string; orders: string } {
  const dir = tempDir();
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const workspace = path.join(dir, 'shop.tailor');
  const customers = path.join(dir, 'customers.csv');
  fs.writeFileSync(
    customers,
    'customer_id,email,birth_date\nC1,a@example.com,1980-02-03\nC2,b@example.com,2090-01-01\nC3,c@example.com,1975-07-08\n',
  );
  const orders = path.join(dir, 'orders.csv');
  fs.writeFileSync(orders, 'order_id,customer_id,ordered_at,total\nO1,C1,2026-01-05T10:00:00Z,20\nO2,C3,2026-01-06T10:00:00Z,25\n');
  return { workspace, customers, orders };
}

describe('tailor audit', () => {
  it('prints the report as JSON with --json, findings linked to their rows', async () => {
    const { workspace, customers, orders } = workspaceWithData();
    expect((await cli(['init', workspace])).code).toBe(0);
    expect((await cli(['import', workspace, '--customers', customers])).code).toBe(0);
    expect((await cli(['import', workspace, '--orders', orders])).code).toBe(0);

    const result = await cli(['audit', workspace, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport & { workspace: string };
    expect(report.workspace).toBe(workspace);
    expect(report.rows).toEqual({ customers: 3, orders: 2, events: 0 });
    expect(report.fields.find((f) => f.id === 'customers.birth_date')).toMatchObject({ type: 'date', filled: 3, distinct: 3 });
    expect(report.fields.find((f) => f.id === 'orders.total')?.range).toEqual({ kind: 'number', min: 20, max: 25 });
    const future = report.findings.find((f) => f.kind === 'future-date');
    expect(future).toMatchObject({ fieldId: 'customers.birth_date', count: 1 });
    expect(future?.rows).toEqual([{ table: 'customers', rowId: 'C2', customerId: 'C2', value: '2090-01-01' }]);
  });

  it('prints a readable table and the findings without --json', async () => {
    const { workspace, customers } = workspaceWithData();
    expect((await cli(['init', workspace])).code).toBe(0);
    expect((await cli(['import', workspace, '--customers', customers])).code).toBe(0);
    const result = await cli(['audit', workspace]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Audit of ${workspace}`);
    expect(result.stdout).toMatch(/customers\.birth_date\s+date\s+100\.0%\s+3\s+1975-07-08 … 2090-01-01/);
    expect(result.stdout).toContain('customers.birth_date: 1 date is in the future');
    expect(result.stdout).toContain('C2: 2090-01-01');
  });

  it('names a workspace that is not there', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const result = await cli(['audit', path.join(dir, 'missing.tailor'), '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.tailor');
  });
});
