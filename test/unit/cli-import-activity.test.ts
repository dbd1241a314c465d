import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/schemas';
import { cli } from '../support/cli-runner';

let dir: string;
let previousHome: string | undefined;
const file = (name: string, content: string): string => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-cli-activity-'));
  previousHome = process.env.TAILOR_HOME;
  process.env.TAILOR_HOME = path.join(dir, 'home');
});

afterEach(() => {
  if (previousHome === undefined) delete process.env.TAILOR_HOME;
  else process.env.TAILOR_HOME = previousHome;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('tailor import --orders / --events', () => {
  it('imports orders and events, reporting linked and unlinked rows, and links them when the customers follow', async () => {
    const workspace = path.join(dir, 'shop.tailor');
    expect((await cli(['init', workspace])).code).toBe(0);
    const orders = await cli([
      'import',
      workspace,
      '--orders',
      file('orders.csv', 'order_id,email,date,total\nO1,ann@example.com,2026-01-01,12.50\nO2,ann@example.com,soon,3\n'),
      '--json',
    ]);
    expect(orders.code, orders.stderr).toBe(0);
    const report = JSON.parse(orders.stdout) as ImportReport;
    expect(report).toMatchObject({
      entity: 'orders',
      rowsRead: 2,
      rowsImported: 1,
      rowsRejected: 1,
      rowsUnlinked: 1,
      unlinked: [{ line: 2, customerKey: 'ann@example.com' }],
    });
    expect(report.rejections[0]?.line).toBe(3);
    expect(report.rejections[0]?.reason).toContain('order date "soon" is not a date');

    const events = await cli([
      'import',
      workspace,
      '--events',
      file('events.csv', 'email,type,timestamp\nann@example.com,email_open,2026-01-02T08:00:00Z\n'),
    ]);
    expect(events.code, events.stderr).toBe(0);
    expect(events.stdout).toMatch(/holding:\s+events/);
    expect(events.stdout).toMatch(/unlinked:\s+1/);
    expect(events.stdout).toMatch(/line 2: ann@example.com/);

    expect((await cli(['import', workspace, '--customers', file('customers.csv', 'email,first_name\nAnn@Example.com,Ann\n')])).code).toBe(
      0,
    );
    const again = await cli(['import', workspace, '--events', path.join(dir, 'events.csv'), '--json']);
    // Nothing duplicated, and the event imported before Ann now belongs to her.
    expect(JSON.parse(again.stdout)).toMatchObject({ rowsImported: 1, rowsCreated: 0, rowsUpdated: 1, rowsUnlinked: 0 });
  });

  it('takes exactly one of --customers, --orders and --events', async () => {
    const workspace = path.join(dir, 'usage.tailor');
    const none = await cli(['import', workspace]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--customers <csv>', '--orders <csv>' or '--events <csv>'/);
    const both = await cli(['import', workspace, '--orders', 'a.csv', '--events', 'b.csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot be used with/);
  });

  it('names the file and what is missing when a file is imported as the wrong kind', async () => {
    const workspace = path.join(dir, 'wrong.tailor');
    expect((await cli(['init', workspace])).code).toBe(0);
    const result = await cli([
      'import',
      workspace,
      '--events',
      file('orders.csv', 'order id,email,order date,total\nO1,a@example.com,2026-01-01,5\n'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot import orders\.csv as events: it has no event type, no timestamp column/);
    expect(result.stderr).toMatch(/import it as orders instead/);
  });
});
