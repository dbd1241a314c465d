import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

/** One person imported twice under two spellings (same phone and birth date), each with an order. */
const CUSTOMERS = [
  'id,email,first_name,last_name,phone,birth_date,city',
  'DUP-1,jonathan.smithers@example.com,Jonathan,Smithers,+44 7700 900123,1984-02-11,Leeds',
  'DUP-2,jon.smithers@example.com,Jon,Smithers,+44 7700 900123,1984-02-11,',
].join('\n');
const ORDERS = ['Order ID,Customer ID,Order Date,Total,Currency', 'DUP-O1,DUP-1,2026-10-01,40,GBP', 'DUP-O2,DUP-2,2026-10-02,25,GBP'].join(
  '\n',
);

async function importCsv(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${text}\n`) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expect(page.getByTestId('rows-imported')).toHaveText('2');
}

async function smithers(page: Page): Promise<void> {
  await goTo(page, 'Customers');
  await page.getByRole('textbox', { name: 'Search customers' }).fill('Smithers');
}

test('a planted duplicate is found, merged from the review queue with its orders, and the merge is undone', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  await importCsv(page, 'customers.csv', CUSTOMERS);
  await page.getByRole('button', { name: 'Import another file' }).click();
  await importCsv(page, 'orders.csv', ORDERS);
  await page.getByRole('button', { name: 'Done' }).click();
  await smithers(page);
  await expect(page.getByTestId('customer-total')).toHaveText('2');

  // Nothing found yet: the queue says so and offers to look.
  await goTo(page, 'Duplicates');
  await expect(page.getByTestId('dedup-empty')).toContainText('No likely duplicates to review');
  await studio.shot(page, 'dedup-01-empty');
  await page.getByRole('button', { name: 'Find duplicates' }).first().click();
  await expect(page.getByTestId('find-result')).toContainText(/Found \d+ pairs? to review among 3,002 customers/);

  // The planted pair, side by side with what agreed and what did not.
  const queue = page.getByRole('list', { name: 'Review queue' });
  await queue.getByRole('listitem').filter({ hasText: 'Jonathan Smithers ~ Jon Smithers' }).click();
  const compare = page.getByRole('table', { name: 'Compare the two customers' });
  await expect(page.getByTestId('pair-explanation')).toContainText('phone equal');
  await expect(page.getByTestId('pair-explanation')).toContainText('date of birth equal');
  await expect(compare.getByRole('row').filter({ hasText: 'Email' })).toContainText('differs');
  await expect(compare.getByRole('row').filter({ hasText: 'Birth date' })).toContainText('agrees');
  await expect(page.getByTestId('activity-DUP-1')).toHaveText('1 order · 0 events');
  await expect(page.getByTestId('activity-DUP-2')).toHaveText('1 order · 0 events');
  await studio.shot(page, 'dedup-02-review-pair');

  // M merges, keyboard only.
  await page.keyboard.press('m');
  await expect(page.getByTestId('dedup-notice')).toContainText(
    'Merged Jon Smithers (DUP-2) into Jonathan Smithers (DUP-1): 1 order and 0 events moved.',
  );
  const history = page.getByRole('list', { name: 'Merges' });
  await expect(history.getByTestId('survivor-now').first()).toContainText('DUP-1 now has 2 orders');
  await expect(queue.getByRole('listitem').filter({ hasText: 'Jon Smithers' })).toHaveCount(0);
  await studio.shot(page, 'dedup-03-merged');

  await smithers(page);
  await expect(page.getByTestId('customer-total')).toHaveText('1');
  await expect(page.getByRole('table', { name: 'Customers' })).toContainText('Jonathan');
  await studio.shot(page, 'dedup-04-one-customer');

  // Undo: both customers again, each with its own order, and the pair back in the queue.
  await goTo(page, 'Duplicates');
  await page.getByRole('list', { name: 'Merges' }).getByRole('listitem').first().getByRole('button', { name: 'Undo merge' }).click();
  await expect(page.getByTestId('dedup-notice')).toContainText(
    'Undone: Jon Smithers (DUP-2) and Jonathan Smithers (DUP-1) are separate again',
  );
  await queue.getByRole('listitem').filter({ hasText: 'Jonathan Smithers ~ Jon Smithers' }).click();
  await expect(page.getByTestId('activity-DUP-1')).toHaveText('1 order · 0 events');
  await expect(page.getByTestId('activity-DUP-2')).toHaveText('1 order · 0 events');
  await studio.shot(page, 'dedup-05-undone');
  await smithers(page);
  await expect(page.getByTestId('customer-total')).toHaveText('2');

  // Survivorship is configurable: a default rule, preferred import files, a rule per field.
  await goTo(page, 'Duplicates');
  await page.getByRole('button', { name: 'Values to keep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Which values a merge keeps' });
  await dialog.getByRole('combobox', { name: 'Default rule' }).selectOption('most_complete');
  await dialog.getByRole('checkbox').first().check();
  await studio.shot(page, 'dedup-06-survivorship');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Values to keep…' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Default rule' })).toHaveValue('most_complete');
});
