import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A German shop's Excel files on a 1024 px wide screen: customers dropped on the Customers view, then orders and
 * events that the wizard recognises and maps from their German headers, then the duplicate review. Everything a
 * user has to press stays on the screen.
 */

const FIXTURES = path.resolve('test/fixtures/e2e/pipeline-qa');
const fixture = (name: string) => ({ name, mimeType: 'text/csv', buffer: fs.readFileSync(path.join(FIXTURES, name)) });
const WIDTH = 1024;

test.use({ viewport: { width: WIDTH, height: 768 } });

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
const target = (page: Page, header: string) => page.getByRole('combobox', { name: `Where “${header}” goes` });

/** The element lies inside the window horizontally (and inside `within`, when given). */
async function expectInside(element: Locator, within?: Locator): Promise<void> {
  const box = await element.boundingBox();
  expect(box).not.toBeNull();
  const outer = within ? await within.boundingBox() : { x: 0, width: WIDTH };
  expect(outer).not.toBeNull();
  if (!box || !outer) return;
  expect(box.x).toBeGreaterThanOrEqual(outer.x);
  expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
}

test('German customers, orders and events at 1024 px: the wizard fits, maps the German headers, and the review queue fits', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');

  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  await page.getByTestId('import-file-input').setInputFiles(fixture('kunden-de.csv'));
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByRole('combobox', { name: 'Delimiter' })).toHaveValue(';');
  await expect(target(page, 'Kundennummer')).toHaveValue('canonical:id');
  // The dialog is as wide as the window allows: Import and every choice of the bar can be reached.
  await expectInside(page.getByRole('dialog'));
  await expectInside(page.getByTestId('wizard-import'));
  await expectInside(wizard.getByRole('combobox', { name: 'Dates' }));
  await studio.shot(page, 'pipeline-qa-01-wizard-1024');
  await page.getByTestId('wizard-import').click();

  // The "Summe" footer is skipped and counted as such, not as a blank line.
  await expect(page.getByTestId('rows-imported')).toHaveText('5');
  await expect(page.getByTestId('rows-skipped')).toHaveText('1');
  await expect(page.getByTestId('import-report')).toContainText('skipped (blank or footer lines)');
  await expect(page.getByTestId('import-report')).not.toContainText('blank lines skipped');

  // Orders with German headers: recognised as orders and mapped, nothing to choose by hand.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-file-input').setInputFiles(fixture('bestellungen-de.csv'));
  await expect(page.getByRole('dialog')).toContainText('Import orders: bestellungen-de.csv');
  await expect(target(page, 'Bestellnummer')).toHaveValue('canonical:order_id');
  await expect(target(page, 'Kundennummer')).toHaveValue('canonical:customer_id');
  await expect(target(page, 'Betrag')).toHaveValue('canonical:total');
  await expect(target(page, 'Währung')).toHaveValue('canonical:currency');
  await expect(page.getByTestId('wizard-problem')).toBeHidden();
  await studio.shot(page, 'pipeline-qa-02-orders-1024');
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-unlinked')).toHaveText('1');
  await expect(page.getByTestId('import-report')).toContainText('Bestellnummer → order_id');

  // Events, the same.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-file-input').setInputFiles(fixture('ereignisse-de.csv'));
  await expect(page.getByRole('dialog')).toContainText('Import events: ereignisse-de.csv');
  await expect(target(page, 'Zeitpunkt')).toHaveValue('canonical:occurred_at');
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-imported')).toHaveText('3');
  await expect(page.getByTestId('rows-unlinked')).toHaveText('1');
  await page.getByRole('button', { name: 'Done' }).click();

  // The review queue: the pair's table stays in its card, the second customer's column included.
  await goTo(page, 'Duplicates');
  await page.getByRole('button', { name: 'Find duplicates' }).first().click();
  await expect(page.getByTestId('find-result')).toContainText(/Found \d+ pairs? to review/);
  await page.getByRole('list', { name: 'Review queue' }).getByRole('listitem').filter({ hasText: 'Anna Schmidt ~ Ana Schmid' }).click();
  const compare = page.getByRole('table', { name: 'Compare the two customers' });
  await expect(compare).toContainText('ana.schmid@example.de');
  const card = page.locator('.dedup-layout > .card').first();
  await expectInside(compare, card);
  await expectInside(compare.getByRole('button', { name: 'Keep this one' }), card);
  await studio.shot(page, 'pipeline-qa-03-dedup-1024');
});

test('at 1024 px a grid with many columns scrolls sideways instead of cutting amounts and headers short', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Columns…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  for (const field of ['Phone', 'Birth date', 'Order Count', 'Signup Date']) {
    await chooser.getByRole('checkbox', { name: `Show ${field}`, exact: true }).check();
  }
  await chooser.getByRole('button', { name: 'Done' }).click();
  const grid = page.getByRole('table', { name: 'Customers' });
  await expect(grid.getByRole('columnheader').filter({ hasText: 'Signup Date' })).toBeVisible();

  // Every amount shows whole: no cell of the money column is cut off with an ellipsis.
  const amounts = grid.locator('[role="cell"][data-column="lifetime_value"]');
  await expect(amounts.first()).toBeVisible();
  const cut = await amounts.evaluateAll((cells) =>
    cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
  );
  expect(cut).toEqual([]);
  // The headers keep their names readable, and the grid scrolls to the last column.
  const header = grid.getByRole('columnheader').filter({ hasText: 'Lifetime Value' });
  expect((await header.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(110);
  expect(await grid.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await studio.shot(page, 'pipeline-qa-04-wide-grid-1024');

  // Sorting by a column's name still sorts (the type mark beside it opens the type dialog instead).
  await header.getByRole('button', { name: 'Lifetime Value', exact: true }).click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
