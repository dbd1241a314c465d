import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Customers, then their orders, then their events, from a French Excel's CSV files (semicolons, decimal commas,
 * Windows-1252, French headers), each mapped in the import wizard.
 */

const FIXTURES = path.resolve('test/fixtures/e2e/wizard');
const fixture = (name: string) => ({ name, mimeType: 'text/csv', buffer: fs.readFileSync(path.join(FIXTURES, name)) });

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
const target = (page: Page, header: string) => page.getByRole('combobox', { name: `Where “${header}” goes` });
const typeOf = (page: Page, header: string) => page.getByRole('combobox', { name: `Type of “${header}”` });

/** Drops a file on an element the way a browser does: a drop event whose DataTransfer carries the file. */
async function dropFile(page: Page, selector: string, name: string): Promise<void> {
  const base64 = fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, base64 },
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

test('customers, orders and events from Windows-1252, semicolon, decimal-comma files, mapped in the wizard', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');

  // Dropping the CSV on the Customers view opens the wizard with it, read as Windows-1252 with semicolons and decimal commas.
  await dropFile(page, '.page.drop-target', 'clients-fr.csv');
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('Import customers: clients-fr.csv');
  await expect(wizard.getByRole('combobox', { name: 'Encoding' })).toHaveValue('windows-1252');
  await expect(wizard.getByRole('combobox', { name: 'Delimiter' })).toHaveValue(';');
  await expect(wizard.getByRole('combobox', { name: 'Decimal mark' })).toHaveValue(',');
  await expect(wizard.getByRole('table', { name: 'Columns and first rows' })).toContainText('Amélie');
  await expect(wizard.getByRole('table', { name: 'Columns and first rows' })).toContainText('1 234,50');
  await expect(target(page, 'Code client')).toHaveValue('custom');
  await expect(typeOf(page, 'Total dépensé')).toHaveValue('money');
  await studio.shot(page, 'wizard-01-customers-detected');
  // The keyboard starts on the first choice, and Tab walks on to the next.
  await expect(wizard.getByRole('group', { name: 'The file holds' }).getByRole('button', { name: 'Customers' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(wizard.getByRole('combobox', { name: 'Encoding' })).toBeFocused();
  // The country national phone numbers are read in, when a row names none, is a choice of the bar too.
  const phoneCountry = wizard.getByRole('combobox', { name: 'Phone country' });
  await phoneCountry.focus();
  await expect(phoneCountry).toBeFocused();
  await phoneCountry.selectOption('FR');
  await expect(phoneCountry).toHaveValue('FR');
  await expect(wizard.getByRole('combobox', { name: 'Decimal mark' })).toHaveValue(',');

  // Read as UTF-8 the accents break; back to Windows-1252 they are fine again. The preview follows each change.
  await wizard.getByRole('combobox', { name: 'Encoding' }).selectOption('utf-8');
  await expect(wizard.getByRole('table', { name: 'Columns and first rows' })).toContainText('Am\uFFFDlie');
  await wizard.getByRole('combobox', { name: 'Encoding' }).selectOption('windows-1252');
  await expect(wizard.getByRole('table', { name: 'Columns and first rows' })).toContainText('Amélie');

  // The customer code is the customer id; the internal note stays out; the sign-up date is kept as text.
  await target(page, 'Code client').selectOption('canonical:id');
  await expect(target(page, 'Code client')).toHaveValue('canonical:id');
  await target(page, 'Note interne').selectOption('ignored');
  await expect(target(page, 'Note interne')).toHaveValue('ignored');
  await typeOf(page, "Date d'inscription").selectOption('text');
  await expect(typeOf(page, "Date d'inscription")).toHaveValue('text');
  await studio.shot(page, 'wizard-02-customers-changed');

  // From the keyboard: focus Import and press Enter.
  await page.getByTestId('wizard-import').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rows-imported')).toHaveText('3');
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Code client → {{ id }}');
  await expect(report).toContainText("Date d'inscription → {{ date_d_inscription }} · text");
  await expect(report).not.toContainText('Note interne');
  await studio.shot(page, 'wizard-03-customers-report');
  await page.getByRole('button', { name: 'Done' }).click();

  // The customer is in the grid under her code, her accented name intact.
  await page.getByRole('textbox', { name: 'Search customers' }).fill('Amélie');
  const grid = page.getByRole('table', { name: 'Customers' });
  await expect(grid.getByRole('row').filter({ hasText: 'Amélie Durand' })).toContainText('FR-001');
  await expect(grid.getByRole('row').filter({ hasText: 'Amélie Durand' })).toContainText('Orléans');
  await studio.shot(page, 'wizard-04-customer-in-grid');

  // Orders: the header row is French, and the wizard reads it: the file is taken for orders and every column it needs is mapped.
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  await page.getByTestId('import-file-input').setInputFiles(fixture('commandes-fr.csv'));
  await expect(wizard).toBeVisible();
  await expect(wizard.getByRole('group', { name: 'The file holds' }).getByRole('button', { name: 'Orders' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const [header, choice] of [
    ['N° commande', 'canonical:order_id'],
    ['Courriel client', 'canonical:customer_email'],
    ['Date', 'canonical:ordered_at'],
    ['Montant', 'canonical:total'],
    ['Devise', 'canonical:currency'],
  ] as const) {
    await expect(target(page, header)).toHaveValue(choice);
  }
  // A column the user would rather not keep is still theirs to change; the preview re-reads the file.
  await target(page, 'Catégorie').selectOption('ignored');
  await expect(target(page, 'Catégorie')).toHaveValue('ignored');
  await expect(page.getByTestId('import-wizard')).toHaveAttribute('aria-busy', 'false');
  await target(page, 'Catégorie').selectOption('canonical:category');
  await expect(target(page, 'Catégorie')).toHaveValue('canonical:category');
  await expect(page.getByTestId('import-wizard')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('wizard-problem')).toBeHidden();
  await expect(wizard.getByRole('table', { name: 'Columns and first rows' })).toContainText('Décoration');
  await studio.shot(page, 'wizard-05-orders-mapped');
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-imported')).toHaveText('2');
  await expect(page.getByTestId('rows-linked')).toHaveText('2');
  await expect(page.getByTestId('rows-rejected')).toHaveText('0');

  // Events, the same way.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-file-input').setInputFiles(fixture('evenements-fr.csv'));
  await expect(page.getByRole('dialog')).toContainText('Import events: evenements-fr.csv');
  await expect(target(page, 'Horodatage')).toHaveValue('canonical:occurred_at');
  await expect(target(page, 'Produit')).toHaveValue('canonical:product');
  await expect(target(page, 'Valeur')).toHaveValue('canonical:value');
  await expect(page.getByTestId('wizard-problem')).toBeHidden();
  await expect(wizard.getByRole('table', { name: 'Columns and first rows' })).toContainText('Théière');
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-created')).toHaveText('3');
  await expect(page.getByTestId('rows-rejected')).toHaveText('0');
  await studio.shot(page, 'wizard-06-events-report');
  await page.getByRole('button', { name: 'Done' }).click();

  // The total was typed from the decimal-comma file: the field list shows it as money.
  await goTo(page, 'Studio');
  await page.getByRole('button', { name: 'Insert field ▾' }).click();
  await page.getByRole('textbox', { name: 'Filter fields' }).fill('total_depense');
  await expect(page.getByRole('menuitem').filter({ hasText: 'total_depense' })).toContainText('money');

  // The next file with the same header gets the mapping the user confirmed, and says so.
  await page.keyboard.press('Escape');
  await goTo(page, 'Customers');
  await dropFile(page, '.page.drop-target', 'clients-fr.csv');
  await expect(page.getByTestId('saved-mapping')).toContainText('Using the mapping saved on');
  await expect(target(page, 'Code client')).toHaveValue('canonical:id');
  await expect(target(page, 'Note interne')).toHaveValue('ignored');
  await studio.shot(page, 'wizard-07-saved-mapping');
});
