import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpHost } from '../../electron/hosts/http-host';
import { ContractError } from '../../shared/contract/envelope';
import { httpClient } from '../support/http-client';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

describe('intent and clusters over the HTTP host', () => {
  it('starts both jobs over HTTP and reads the same runs as in-process callers', async () => {
    const { app, dir } = await freshWorkspace();
    const customers = ['customer_id,email'];
    const orders = ['order_id,customer_id,ordered_at,total'];
    const events = ['customer_id,type,timestamp'];
    for (let i = 1; i <= 8; i++) {
      customers.push(`C${i},c${i}@example.com`);
      orders.push(`O${i},C${i},2026-0${1 + (i % 8)}-10,${i * 25}`);
      if (i % 2) events.push(`C${i},product_view,2026-10-2${i}T10:00:00Z`);
    }
    const write = (name: string, lines: string[]) => {
      fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
      return path.join(dir, name);
    };
    await importThroughApp(app, write('c.csv', customers), 'customers');
    await importThroughApp(app, write('o.csv', orders), 'orders');
    await importThroughApp(app, write('e.csv', events), 'events');

    const host = await startHttpHost({ dispatch: app.dispatch, uploads: app.uploads, port: 0 });
    closing.push(() => host.close());
    const http = httpClient(host);

    const intent = await http.call('intent.start', { asOf: '2026-11-01' });
    expect((await app.jobs.settle(intent.jobId)).status).toBe('succeeded');
    const clusters = await http.call('clusters.start', { asOf: '2026-11-01', features: ['recency', 'monetary'], k: 2 });
    expect((await app.jobs.settle(clusters.jobId)).status).toBe('succeeded');

    for (const method of ['intent.latest', 'clusters.latest'] as const) {
      const [viaHttp, direct] = await Promise.all([http.call(method, {}), app.client.call(method, {})]);
      expect(viaHttp).toEqual(direct);
      expect(direct).not.toBeNull();
    }
    expect(await http.call('intent.countAtLeast', { threshold: 3 })).toEqual({ count: 4 });
    expect((await http.call('jobs.get', { jobId: clusters.jobId })).result).toMatchObject({ status: 'succeeded', k: 2, customers: 8 });

    const refused = await http.call('intent.start', { asOf: 'yesterday' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ContractError);
    expect(refused).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('yyyy-mm-dd') as unknown });
  });
});
