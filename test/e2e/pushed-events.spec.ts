import path from 'node:path';
import { expect, test } from './fixtures';

const CSV = path.resolve('test/fixtures/e2e/new-customers.csv');

/** The studio follows jobs and data changes from pushed events (SSE in browser mode), not by polling. */
test('import progress and data changes are pushed to the studio', async ({ page, studio }) => {
  const polls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/jobs.get')) polls.push(request.url());
  });
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Customers' }).click();
  // The demo workspace has 3,000 customers.
  const total = page.getByTestId('customer-total');
  await expect(total).toHaveText('3,000');

  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await page.getByTestId('import-file-input').setInputFiles(CSV);
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-imported')).toHaveText('3');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(total).toHaveText('3,003');
  // At most one catch-up read when the dialog starts following the job; never a polling loop.
  expect(polls.length).toBeLessThanOrEqual(1);

  // A change made by another client (here the test, over the same API) reaches this view without a reload.
  const { token } = Object.fromEntries(new URLSearchParams(new URL(studio.url).hash.slice(1))) as { token: string };
  const origin = new URL(studio.url).origin;
  const call = (method: string, input: unknown) =>
    page.request.post(`${origin}/api/${method}`, { headers: { 'content-type': 'application/json', 'x-tailor-token': token }, data: input });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Segments' }).click();
  const created = await call('segments.save', {
    name: 'Pushed from elsewhere',
    rule: { match: 'all', conditions: [{ field: 'country', op: 'equals', value: 'CH' }] },
  });
  expect(created.ok()).toBe(true);
  await expect(page.getByRole('list', { name: 'Segments' }).getByText('Pushed from elsewhere')).toBeVisible();
});
