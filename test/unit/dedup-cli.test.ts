import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/services/app';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

const CSV = [
  'Customer ID,Email,Phone,First Name,Last Name,Birth Date,City,Postcode,Address',
  'C-1,ana.lopez@example.com,+34 612 345 678,Ana,López,1990-03-05,Madrid,28001,12 Calle Mayor',
  'C-2,,,Ana,Lopes,1990-03-05,Madrid,28001,12 calle mayor',
  'C-3,ana@work.example,612345678,Anna,Lopez,,,,',
  'C-4,bo@example.com,,Bo,Svensson,1985-01-01,Stockholm,11122,Drottninggatan 5',
  // Same name, another life: different birth date, city, postcode, email and phone.
  'C-5,ana.l@example.com,+34 699 000 111,Ana,Lopez,1971-11-30,Barcelona,08002,Carrer de Pelai 1',
].join('\n');

interface DedupDocument {
  customers: number;
  threshold: number;
  clusters: { ids: string[]; pairs: { a: string; b: string; score: number; explanation: string }[] }[];
}

let dir: string;
let previousHome: string | undefined;

beforeEach(() => {
  dir = tempDir('tailor-dedup-cli-');
  previousHome = process.env.TAILOR_HOME;
  process.env.TAILOR_HOME = path.join(dir, 'home');
});

afterEach(() => {
  if (previousHome === undefined) delete process.env.TAILOR_HOME;
  else process.env.TAILOR_HOME = previousHome;
});

async function workspaceWithCustomers(): Promise<string> {
  const workspace = path.join(dir, 'shop.tailor');
  const csv = path.join(dir, 'customers.csv');
  fs.writeFileSync(csv, `${CSV}\n`);
  expect((await cli(['init', workspace])).code).toBe(0);
  const imported = await cli(['import', workspace, '--customers', csv]);
  expect(imported.code, imported.stderr).toBe(0);
  return workspace;
}

describe('tailor dedup', () => {
  it('prints clusters of customer ids with scores and explanations as JSON', async () => {
    const workspace = await workspaceWithCustomers();
    const result = await cli(['dedup', workspace, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as DedupDocument;
    expect(document).toMatchObject({ customers: 5, threshold: 0.5 });
    expect(document.clusters.map((c) => c.ids)).toEqual([['C-1', 'C-2', 'C-3']]);
    const pairs = document.clusters[0]!.pairs;
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    const phonePair = pairs.find((p) => p.a === 'C-1' && p.b === 'C-3');
    expect(phonePair?.explanation).toMatch(/^phone equal, surname equal, first name similar 0\.\d\d, email different$/);
    const addressPair = pairs.find((p) => p.a === 'C-1' && p.b === 'C-2');
    expect(addressPair?.explanation).toMatch(/surname similar 0\.\d\d/);
    expect(addressPair?.explanation).toContain('postcode equal');
    for (const pair of pairs) expect(pair.score).toBeGreaterThanOrEqual(0.5);
  });

  it('honours --threshold and prints a readable list without --json', async () => {
    const workspace = await workspaceWithCustomers();
    const strict = JSON.parse((await cli(['dedup', workspace, '--threshold', '1', '--json'])).stdout) as DedupDocument;
    expect(strict.clusters).toEqual([]);
    const text = await cli(['dedup', workspace]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^1 group of likely duplicates among 5 customers/);
    expect(text.stdout).toContain('  C-1, C-2, C-3');
  });

  it('finds duplicates through the dedup job: the pairs it prints wait in the review queue', async () => {
    const workspace = await workspaceWithCustomers();
    const document = JSON.parse((await cli(['dedup', workspace, '--json'])).stdout) as DedupDocument;
    const printed = document.clusters.flatMap((c) => c.pairs.map((p) => [p.a, p.b].sort().join('~'))).sort();
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.open', { path: workspace });
      const queue = await app.client.call('dedup.queue', {});
      expect(queue.pairs.map((p) => [p.a.customer.id, p.b.customer.id].sort().join('~')).sort()).toEqual(printed);
    } finally {
      await app.close();
    }
  });

  it('Ctrl+C cancels the dedup job and leaves the review queue empty', async () => {
    const workspace = await workspaceWithCustomers();
    const interrupt = new AbortController();
    interrupt.abort();
    const result = await cli(['dedup', workspace, '--json'], { interrupt: interrupt.signal });
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/Cancelling the de-duplication/);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'cancelled' } });
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.open', { path: workspace });
      expect((await app.client.call('dedup.queue', {})).total).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('rejects a threshold outside 0..1 as a usage error', async () => {
    const result = await cli(['dedup', path.join(dir, 'none.tailor'), '--threshold', '1.5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/from 0 to 1/);
  });

  it('--auto-merge merges each cluster at or above the threshold and prints clusters with scores and what was merged', async () => {
    const workspace = await workspaceWithCustomers();
    const result = await cli(['dedup', workspace, '--threshold', '0.5', '--auto-merge', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as DedupDocument & {
      merged: {
        survivor: string;
        merged: string;
        score: number;
        moved: { orders: number; events: number };
        tookFromMerged: { field: string }[];
      }[];
    };
    expect(document.clusters.map((c) => c.ids)).toEqual([['C-1', 'C-2', 'C-3']]);
    expect(document.clusters[0]!.pairs.every((p) => p.score >= 0.5)).toBe(true);
    expect(document.merged.map((m) => [m.survivor, m.merged])).toEqual([
      ['C-1', 'C-2'],
      ['C-1', 'C-3'],
    ]);
    for (const merge of document.merged) expect(merge.score).toBeGreaterThanOrEqual(0.5);
    // The merged records are gone; a second look finds nothing left to merge.
    const after = JSON.parse((await cli(['dedup', workspace, '--json'])).stdout) as DedupDocument;
    expect(after).toMatchObject({ customers: 3, clusters: [] });
  });

  it('--auto-merge with a threshold above every pair merges nothing', async () => {
    const workspace = await workspaceWithCustomers();
    const result = await cli(['dedup', workspace, '--threshold', '1', '--auto-merge']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Nothing merged.');
    expect((JSON.parse((await cli(['dedup', workspace, '--json'])).stdout) as DedupDocument).customers).toBe(5);
  });
});
