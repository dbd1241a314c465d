import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

/** Orders for demo customers with three planted problems: 60 orders on one day, one order dated next year, one of 99,999. */
function plantedOrders(): string {
  const rows = ['Order ID,Customer ID,Order Date,Total,Currency'];
  for (let i = 1; i <= 60; i++)
    rows.push(`E2E-BUSY-${String(i).padStart(2, '0')},C${10000 + i},2026-11-20T10:${String(i % 60).padStart(2, '0')}:00Z,42.50,USD`);
  rows.push('E2E-FUTURE,C10002,2099-06-01T09:00:00Z,55.00,USD');
  rows.push('E2E-HUGE,C10003,2026-10-15T12:00:00Z,99999.00,USD');
  return `${rows.join('\n')}\n`;
}

test('the audit profiles every field, draws histograms and leads from each anomaly to its rows', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(plantedOrders()) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-imported')).toHaveText('62');
  await page.keyboard.press('Escape');

  await goTo(page, 'Audit');
  await expect(page.getByRole('heading', { name: 'No audit yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Run audit' }).first().click();
  const findings = page.getByRole('list', { name: 'Findings' });
  await expect(findings).toBeVisible();
  await studio.shot(page, 'audit-01-findings');

  // The busy day: 60 orders on 2026-11-20 (a demo day has about 8), each row leading to its customer.
  const busy = page.getByTestId('finding-busy-day');
  await expect(busy).toContainText('60 orders on 2026-11-20');
  await busy.click();
  const rows = page.getByTestId('finding-rows');
  await expect(rows).toContainText('E2E-BUSY-01');
  await expect(rows.getByRole('row')).toHaveCount(61);
  await rows
    .getByRole('row', { name: /E2E-BUSY-01/ })
    .getByRole('button', { name: 'Open customer' })
    .click();
  const customer = page.getByRole('dialog');
  await expect(customer).toContainText('Customer C10001');
  await studio.shot(page, 'audit-02-busy-day-customer');
  await customer.getByRole('button', { name: 'Close' }).click();

  // The future order and the huge amount are findings too.
  await expect(page.getByTestId('finding-future-date')).toContainText('1 date is in the future');
  await expect(page.getByTestId('finding-outlier-high').filter({ hasText: 'orders.total' })).toContainText('1 value is unusually high');
  await page.getByTestId('finding-future-date').click();
  await expect(page.getByTestId('finding-rows')).toContainText('E2E-FUTURE');

  // A field's detail: its typed range and its histogram, drawn by ECharts.
  const fieldList = page.getByRole('listbox', { name: 'Fields' });
  await fieldList.getByRole('option', { name: /Order amount/ }).click();
  const detail = page.getByRole('region', { name: 'Audit of Order amount' });
  await expect(detail.getByTestId('audit-max')).toHaveText('99,999');
  await expect(detail.getByTestId('audit-histogram').locator('svg')).toBeVisible();
  await expect(detail.getByTestId('audit-histogram').locator('svg path').first()).toBeAttached();
  await expect(detail.getByTestId('finding-outlier-high')).toContainText('1 value is unusually high');

  // The keyboard walks the list: the next field is selected and shown.
  await fieldList.getByRole('option', { name: /Order amount/ }).press('ArrowDown');
  await expect(fieldList.getByRole('option', { name: /Order date/ })).toHaveAttribute('aria-selected', 'true');
  await expect(fieldList.getByRole('option', { name: /Order date/ })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Audit of Order date' }).getByTestId('audit-max')).toHaveText('2099-06-01T09:00:00.000Z');
  await studio.shot(page, 'audit-03-order-date');

  await fieldList.getByRole('option', { name: /Birth date/ }).click();
  await expect(page.getByRole('region', { name: 'Audit of Birth date' }).getByTestId('audit-histogram').locator('svg')).toBeVisible();
  await studio.shot(page, 'audit-04-birth-date-histogram');
});

test('an empty workspace says there is nothing to audit yet and leads to the import', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('button', { name: /Demo/ }).click();
  await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Workspace file path').fill(`${studio.dir}/empty.tailor`);
  const demo = dialog.getByRole('checkbox');
  if (await demo.isChecked()) await demo.uncheck();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('button', { name: /empty/ })).toBeVisible();

  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { name: 'No data yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run audit' })).toHaveCount(0);
  await studio.shot(page, 'audit-05-empty');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await expect(page.getByRole('dialog')).toContainText('Import customers');
});
