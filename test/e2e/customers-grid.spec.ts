import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

/** The numbers in the first `n` loaded cells of a column, as the grid shows them ("1,234.56", "$1,234.56"). */
async function columnNumbers(grid: Locator, column: string, n: number): Promise<number[]> {
  const cells = grid.locator(`[role="cell"][data-column="${column}"]`);
  await expect(cells.first()).toBeVisible();
  const texts = (await cells.allTextContents()).slice(0, n).filter((text) => text.trim() !== '');
  return texts.map((text) => Number(text.replace(/[^0-9.-]/g, '')));
}

test('the customers grid sorts a money column numerically, both ways', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');
  const grid = page.getByRole('table', { name: 'Customers' });
  const header = grid.getByRole('columnheader').filter({ hasText: 'Lifetime Value' });
  await header.getByRole('button', { name: 'Lifetime Value', exact: true }).click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  // Right-aligned as a number.
  await expect(grid.locator('[role="cell"][data-column="lifetime_value"]').first()).toHaveCSS('text-align', 'right');
  await expect(async () => {
    const ascending = await columnNumbers(grid, 'lifetime_value', 15);
    expect(ascending.length).toBeGreaterThan(5);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  }).toPass();
  await header.getByRole('button', { name: 'Lifetime Value', exact: true }).click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(async () => {
    const descending = await columnNumbers(grid, 'lifetime_value', 15);
    // As text "999.10" would come before "1,500.00"; by value the largest amounts (over 1000) lead.
    expect(descending[0]).toBeGreaterThan(1000);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
  }).toPass();
  await studio.shot(page, 'customers-grid-01-sorted-by-lifetime-value');
});

test('the column chooser shows a hidden column, remembered after a reload', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');
  const grid = page.getByRole('table', { name: 'Customers' });
  await expect(grid.getByRole('columnheader').filter({ hasText: 'Lifetime Value' })).toBeVisible();
  await expect(grid.getByRole('columnheader').filter({ hasText: 'Order Count' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Columns…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  await chooser.getByRole('checkbox', { name: 'Show Order Count' }).check();
  await chooser.getByRole('checkbox', { name: 'Show City' }).uncheck();
  await studio.shot(page, 'customers-grid-02-column-chooser');
  await chooser.getByRole('button', { name: 'Done' }).click();
  await expect(grid.getByRole('columnheader').filter({ hasText: 'Order Count' })).toBeVisible();
  await expect(grid.getByRole('columnheader').filter({ hasText: 'City' })).toHaveCount(0);
  await expect(grid.locator('[role="cell"][data-column="order_count"]').first()).toBeVisible();

  await page.reload();
  await goTo(page, 'Customers');
  await expect(grid.getByRole('columnheader').filter({ hasText: 'Order Count' })).toBeVisible();
  await expect(grid.getByRole('columnheader').filter({ hasText: 'City' })).toHaveCount(0);
  await studio.shot(page, 'customers-grid-03-chosen-columns-after-reload');
});

test("changing a field's type re-types its values and reports those that do not read", async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');
  const grid = page.getByRole('table', { name: 'Customers' });
  // Loyalty Tier holds words (Gold, Silver, Bronze): as a number none of them reads.
  await grid.getByRole('button', { name: 'Type of Loyalty Tier' }).click();
  const dialog = page.getByRole('dialog', { name: /Type of “Loyalty Tier”/ });
  await dialog.getByRole('combobox', { name: 'Field type' }).selectOption('number');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const report = dialog.getByTestId('retype-report');
  await expect(report).toContainText(/^0 values read as number; [\d,]+ did not and stay text\./);
  await expect(dialog.getByRole('table', { name: 'Values that did not read' })).toContainText(/Gold|Silver|Bronze|Platinum/);
  await studio.shot(page, 'customers-grid-04-retype-report');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(grid.getByRole('button', { name: 'Type of Loyalty Tier' })).toHaveText('#');

  // And back: Loyalty Points as text is no longer right-aligned.
  await grid.getByRole('button', { name: 'Type of Loyalty Points' }).click();
  const points = page.getByRole('dialog', { name: /Type of “Loyalty Points”/ });
  await points.getByRole('combobox', { name: 'Field type' }).selectOption('text');
  await points.getByRole('button', { name: 'Apply' }).click();
  await expect(points.getByTestId('retype-report')).toBeVisible();
  await points.getByRole('button', { name: 'Close' }).click();
  await expect(grid.locator('[role="cell"][data-column="loyalty_points"]').first()).not.toHaveCSS('text-align', 'right');
  await studio.shot(page, 'customers-grid-05-points-as-text');
});
