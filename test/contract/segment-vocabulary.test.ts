import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

describe('what the rule builder offers', () => {
  it('segments.vocabulary lists event types by frequency, categories once each whatever their case, and products', async () => {
    const { app, dir } = await freshWorkspace();
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    expect(await app.client.call('segments.vocabulary', {})).toEqual({ eventTypes: [], categories: [], products: [] });

    await importThroughApp(
      app,
      write('c.csv', 'Customer ID,Email,Lifetime Value\nC1,a@example.com,"1.234,50"\nC2,b@example.com,"99,00"\n'),
      'customers',
    );
    await importThroughApp(
      app,
      write('o.csv', 'order_id,customer_id,date,total,category\nO1,C1,2026-01-01,5,Shoes\nO2,C2,2026-01-02,7,Home\n'),
      'orders',
    );
    await importThroughApp(
      app,
      write(
        'e.csv',
        [
          'customer_id,type,timestamp,product,category',
          'C1,product_view,2026-01-03T10:00:00Z,P1,shoes',
          'C1,product_view,2026-01-04T10:00:00Z,P1,Shoes',
          'C2,product_view,2026-01-04T11:00:00Z,P2,Beauty',
          'C2,email_open,2026-01-05T10:00:00Z,,',
        ].join('\n') + '\n',
      ),
      'events',
    );

    const vocabulary = await app.client.call('segments.vocabulary', {});
    expect(vocabulary.eventTypes).toEqual(['product_view', 'email_open']);
    expect(vocabulary.categories).toEqual(['Beauty', 'Home', 'Shoes']);
    expect(vocabulary.products).toEqual(['P1', 'P2']);
  });

  it('customers.fields gives each typed field the locale its values were read with, so the builder reads values as the engine does', async () => {
    const { app, dir } = await freshWorkspace();
    const file = path.join(dir, 'c.csv');
    fs.writeFileSync(
      file,
      'Customer ID,Email,Lifetime Value\nC1,a@example.com,"1.234,50"\nC2,b@example.com,"99,00"\nC3,c@example.com,"5,25"\n',
    );
    await importThroughApp(app, file, 'customers');
    const fields = await app.client.call('customers.fields', {});
    const value = fields.find((field) => field.key === 'lifetime_value');
    expect(value?.type).toMatch(/number|money/);
    expect(value?.locale?.decimalSeparator).toBe(',');
    expect(fields.find((field) => field.key === 'first_name')?.locale ?? null).toBeNull();
  });
});
