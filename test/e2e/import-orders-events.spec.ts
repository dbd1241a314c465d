import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

test('orders and events import through the dialog, linked to customers or kept waiting for them', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  const holds = page.getByRole('group', { name: 'The file holds' });
  await expect(holds.getByRole('button', { name: 'Customers' })).toHaveAttribute('aria-pressed', 'true');

  // The header row says orders, so the file is imported as orders without the user choosing. C10001 is a demo customer.
  const orders =
    'Order ID,Customer ID,Order Date,Total,Currency\nE2E-1,C10001,2026-10-30T10:00:00Z,42.50,EUR\nE2E-2,C99999,2026-10-30,10,EUR\nE2E-3,C10001,someday,5,EUR\n';
  await page.getByTestId('import-file-input').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(orders) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('Import orders');
  await expect(page.getByTestId('rows-imported')).toHaveText('2');
  await expect(page.getByTestId('rows-linked')).toHaveText('1');
  await expect(page.getByTestId('rows-unlinked')).toHaveText('1');
  await expect(page.getByRole('table', { name: 'Rows waiting for their customer' })).toContainText('C99999');
  await expect(page.getByRole('table', { name: 'Rejected rows' })).toContainText('order date "someday" is not a date');
  await studio.shot(page, 'import-orders-01-linked-and-waiting');

  // The user says what the file holds. Columns Tailor cannot name are refused with what is missing.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByRole('group', { name: 'The file holds' }).getByRole('button', { name: 'Events' }).click();
  await expect(page.getByRole('dialog')).toContainText('Import events');
  const unnamed = 'who,what,when\nC10001,email_open,2026-10-30T08:00:00Z\n';
  await page.getByTestId('import-file-input').setInputFiles({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(unnamed) });
  await expect(page.getByTestId('wizard-problem')).toContainText('Cannot import events.csv as events');
  await expect(page.getByTestId('wizard-import')).toBeDisabled();

  // Importing the same events twice adds nothing.
  await page.getByRole('button', { name: 'Choose another file' }).click();
  const named = 'customer_id,type,timestamp\nC10001,email_open,2026-10-30T08:00:00Z\n';
  await page.getByTestId('import-file-input').setInputFiles({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(named) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-created')).toHaveText('1');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-file-input').setInputFiles({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(named) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-created')).toHaveText('0');
  await expect(page.getByTestId('import-accounting')).toContainText('0 new + 1 already imported');
  await studio.shot(page, 'import-events-02-reimport');
});
