import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/contract';
import { createApp } from '../../electron/services/app';
import { tempDir } from '../support/temp';

const CSV = [
  'Customer ID,Email,First Name,Last Name,City',
  'C-100,ada@lovelace.example,Ada,Lovelace,London',
  'C-200,grace@navy.example,Grace,Hopper,Arlington',
  'C-300,alan@bletchley.example,Alan,Turing,Wilmslow',
].join('\n');

async function importCsv(client: Client, file: string): Promise<void> {
  const { jobId } = await client.call('imports.start', { path: file });
  for (;;) {
    const job = await client.call('jobs.get', { jobId });
    if (job.status !== 'running') {
      expect(job.status, job.message ?? '').toBe('succeeded');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('customers.list search', () => {
  it('finds customers by first or last name, email, id and city, case-insensitively, and only them', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'search.tailor') });
      const csv = path.join(dir, 'customers.csv');
      fs.writeFileSync(csv, `${CSV}\n`);
      await importCsv(app.client, csv);

      const search = async (term: string): Promise<{ total: number | null; ids: string[] }> => {
        const result = await app.client.call('customers.list', { search: term });
        return { total: result.total, ids: result.rows.map((row) => row.id) };
      };
      expect(await search('')).toEqual({ total: 3, ids: ['C-100', 'C-200', 'C-300'] });
      expect(await search('GRACE')).toEqual({ total: 1, ids: ['C-200'] }); // first name, any case
      expect(await search('lovelace')).toEqual({ total: 1, ids: ['C-100'] }); // last name (and email)
      expect(await search('ada lovelace')).toEqual({ total: 1, ids: ['C-100'] }); // full name
      expect(await search('bletchley.example')).toEqual({ total: 1, ids: ['C-300'] }); // email only
      expect(await search('c-200')).toEqual({ total: 1, ids: ['C-200'] }); // id
      expect(await search('wilmslow')).toEqual({ total: 1, ids: ['C-300'] }); // city only
      expect(await search('  arlington ')).toEqual({ total: 1, ids: ['C-200'] }); // surrounding spaces ignored
      expect(await search('a')).toEqual({ total: 3, ids: ['C-100', 'C-200', 'C-300'] });
      expect(await search('nobody-has-this')).toEqual({ total: 0, ids: [] });
      // Search narrows a page, and the total counts every match, not just the page.
      const page = await app.client.call('customers.list', { search: 'example', limit: 1, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.rows.map((row) => row.id)).toEqual(['C-200']);
    } finally {
      await app.close();
    }
  });
});
