import { describe, expect, it } from 'vitest';
import { saveSegment } from '../../electron/workspace/segments-repo';
import type { RuleTree } from '../../shared/segments/rule-tree';
import { blankCustomer, writeSegmentData } from '../support/segment-data';
import { cli } from '../support/cli-runner';
import { cliWorkspace } from '../support/cli-workspace';

const recentBuyers: RuleTree = {
  kind: 'group',
  combinator: 'and',
  negate: false,
  children: [{ kind: 'orders', measure: 'count', op: 'gte', value: '1', windowDays: 30, category: null }],
};

/** A workspace with three customers, two segments (dynamic "Recent buyers", static "Everyone then"). */
async function workspace(): Promise<string> {
  const { file } = await cliWorkspace((db) => {
    writeSegmentData(
      db,
      [
        blankCustomer('C1', {
          text: { email: 'ana@example.com', first_name: 'Ana' },
          orders: [{ orderedAt: '2026-06-10', total: 10, category: null }],
        }),
        blankCustomer('C2', { text: { email: 'bo@example.com' }, orders: [{ orderedAt: '2026-05-01', total: 10, category: null }] }),
        blankCustomer('C3'),
      ],
      {},
    );
    saveSegment(db, { name: 'Recent buyers', rule: recentBuyers, asOf: '2026-06-15' });
    saveSegment(db, { name: 'Everyone then', rule: { ...recentBuyers, children: [] }, kind: 'static' });
  });
  return file;
}

describe('tailor segments / segment', () => {
  it('lists segments with kind and count, as JSON and as a table', async () => {
    const file = await workspace();
    const json = await cli(['segments', file, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject([
      { name: 'Everyone then', kind: 'static', count: 3 },
      { name: 'Recent buyers', kind: 'dynamic', count: 1, asOf: '2026-06-15' },
    ]);
    const table = await cli(['segments', file]);
    expect(table.stdout).toMatch(/Recent buyers\s+dynamic\s+1 customer\s+as of 2026-06-15/);
    expect(table.stdout).toMatch(/Everyone then\s+static\s+3 customers/);
  });

  it('lists members, at an as-of date and up to a limit', async () => {
    const file = await workspace();
    const json = await cli(['segment', file, 'recent buyers', '--members', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      name: 'Recent buyers',
      kind: 'dynamic',
      count: 1,
      members: [{ id: 'C1', email: 'ana@example.com' }],
    });
    const earlier: unknown = JSON.parse(
      (await cli(['segment', file, 'Recent buyers', '--members', '--as-of', '2026-05-20', '--json'])).stdout,
    );
    expect(earlier).toMatchObject({ count: 1, asOf: '2026-05-20', members: [{ id: 'C2' }] });
    const limited = await cli(['segment', file, 'Everyone then', '--members', '--limit', '2']);
    expect(limited.stdout).toContain('Everyone then (static, snapshot of');
    expect(limited.stdout).toContain('C1\tana@example.com\tAna');
    expect(limited.stdout).toContain('… and 1 more customer');
  });

  it('names the segments there are when one is not found, and refuses a bad date', async () => {
    const file = await workspace();
    const missing = await cli(['segment', file, 'VIP', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No segment named "VIP". The workspace has "Everyone then", "Recent buyers".');
    const bad = await cli(['segment', file, 'Recent buyers', '--as-of', '30/06/2026']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('yyyy-mm-dd');
  });
});
