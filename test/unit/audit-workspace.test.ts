import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import { runAudit } from '../../electron/workspace/audit/run-audit';
import type { AuditReport } from '../../shared/audit/report';
import { freshWorkspace } from '../support/workspace-app';

const NOW = Date.parse('2026-12-01T12:00:00Z');

async function importCsv(app: TailorApp, dir: string, entity: 'customers' | 'orders', name: string, text: string): Promise<void> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const { jobId } = await app.client.call('imports.start', { path: file, entity });
  const job = await app.jobs.settle(jobId);
  expect(job.status, job.message ?? '').toBe('succeeded');
}

/** 40 customers with lifetime values near 100 and one of 250,000; one born in 2031 and one in 1890; one whose value is not a number. */
function customersCsv(): string {
  const rows = ['customer_id,email,birth_date,lifetime_value'];
  for (let i = 1; i <= 40; i++)
    rows.push(`C${i},c${i}@example.com,19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10},${80 + ((i * 7) % 45)}.50`);
  rows.push('C41,c41@example.com,2031-01-01,95.00', 'C42,c42@example.com,1890-02-02,250000.00', 'C43,c43@example.com,1980-01-01,lots');
  return `${rows.join('\n')}\n`;
}

/** About 3 orders a day for 60 days, then 120 on one day, and an order dated 2099. */
function ordersCsv(): string {
  const rows = ['order_id,customer_id,ordered_at,total'];
  let n = 0;
  for (let d = 0; d < 60; d++) {
    const date = new Date(Date.parse('2026-06-01T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10);
    for (let k = 0; k < 3; k++) rows.push(`O${++n},C${1 + (n % 40)},${date}T1${k}:00:00Z,${40 + (n % 30)}`);
  }
  for (let k = 0; k < 120; k++) rows.push(`B${k},C${1 + (k % 40)},2026-07-04T12:00:00Z,50`);
  rows.push('F1,C7,2099-01-01T00:00:00Z,60');
  return `${rows.join('\n')}\n`;
}

const finding = (report: AuditReport, fieldId: string, kind: string) =>
  report.findings.find((f) => f.fieldId === fieldId && f.kind === kind);

describe('workspace audit', () => {
  it('profiles a real workspace and links each outlier and anomaly to its rows', async () => {
    const { app, dir } = await freshWorkspace();
    await importCsv(app, dir, 'customers', 'customers.csv', customersCsv());
    await importCsv(app, dir, 'orders', 'orders.csv', ordersCsv());
    const report = runAudit(app.session.require().db, { now: NOW });

    expect(report.rows).toEqual({ customers: 43, orders: 301, events: 0 });
    const birth = report.fields.find((f) => f.id === 'customers.birth_date');
    expect(birth).toMatchObject({ type: 'date', filled: 43, range: { kind: 'date', min: '1890-02-02', max: '2031-01-01' } });
    expect(birth?.histogram?.bins.length).toBeGreaterThan(1);
    expect(finding(report, 'customers.birth_date', 'future-date')?.rows.map((r) => r.customerId)).toEqual(['C41']);
    expect(finding(report, 'customers.birth_date', 'impossible-age')?.rows.map((r) => r.customerId)).toEqual(['C42']);

    const value = report.fields.find((f) => f.id === 'customers.lifetime_value');
    expect(value?.type).toBe('money');
    expect(value?.range).toEqual({ kind: 'number', min: 81.5, max: 250_000 });
    expect(finding(report, 'customers.lifetime_value', 'outlier-high')?.rows).toEqual([
      { table: 'customers', rowId: 'C42', customerId: 'C42', value: '250000' },
    ]);
    expect(finding(report, 'customers.lifetime_value', 'unreadable')?.rows.map((r) => r.rowId)).toEqual(['C43']);

    const busy = finding(report, 'orders.ordered_at', 'busy-day');
    // 120 planted plus the 3 of a usual day.
    expect(busy).toMatchObject({ title: '123 orders on 2026-07-04', count: 123 });
    expect(busy?.rows).toContainEqual({ table: 'orders', rowId: 'B0', customerId: 'C1', value: '2026-07-04T12:00:00.000Z' });
    expect(finding(report, 'orders.ordered_at', 'future-date')?.rows.map((r) => r.rowId)).toEqual(['F1']);

    const email = report.fields.find((f) => f.id === 'customers.email');
    expect(email).toMatchObject({ distinct: 43, distinctExact: true, filled: 43, rows: 43, histogram: null, top: [] });
    expect(report.fields.find((f) => f.id === 'orders.total')?.histogram?.scale).toBe('number');
  });

  it('runs as a job in a worker, stores the report for audit.latest, and a cancelled run keeps the previous one', async () => {
    const { app, dir } = await freshWorkspace();
    expect(await app.client.call('audit.latest', {})).toBeNull();
    await importCsv(app, dir, 'customers', 'customers.csv', customersCsv());

    const progress: number[] = [];
    const unsubscribe = app.events.subscribe((event) => {
      if (event.type === 'job' && event.job.kind === 'audit.run') progress.push(event.job.progress.done);
    });
    const { jobId } = await app.client.call('audit.start', {});
    const job = await app.jobs.settle(jobId);
    unsubscribe();
    expect(job).toMatchObject({ kind: 'audit.run', status: 'succeeded', result: { status: 'succeeded', fields: 18 } });
    expect(progress[progress.length - 1]).toBe(86);
    const stored = await app.client.call('audit.latest', {});
    expect(stored?.rows.customers).toBe(43);
    expect(stored?.findings.some((f) => f.kind === 'impossible-age')).toBe(true);

    const second = await app.client.call('audit.start', {});
    app.jobs.cancel(second.jobId);
    const cancelled = await app.jobs.settle(second.jobId);
    expect(cancelled).toMatchObject({ status: 'cancelled', result: { status: 'cancelled' } });
    expect((await app.client.call('audit.latest', {}))?.createdAt).toBe(stored?.createdAt);
  });

  it('keeps memory bounded: distinct values are counted exactly up to the cap, then as "more than"', async () => {
    const { app, dir } = await freshWorkspace();
    const rows = ['customer_id,email,city'];
    for (let i = 0; i < 3000; i++) rows.push(`C${i},c${i}@example.com,${i % 2 === 0 ? 'Paris' : `Town ${i}`}`);
    await importCsv(app, dir, 'customers', 'many.csv', `${rows.join('\n')}\n`);
    const report = runAudit(app.session.require().db, { now: NOW, limits: { distinctCap: 500 } });
    const city = report.fields.find((f) => f.id === 'customers.city');
    expect(city).toMatchObject({ distinct: 500, distinctExact: false, topExact: false });
    expect(city?.top[0]).toMatchObject({ value: 'Paris' });
    expect(report.fields.find((f) => f.id === 'customers.email')?.distinctExact).toBe(false);
  });
});
