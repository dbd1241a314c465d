import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

async function importCustomers(page: Page, name: string, csv: string, policy?: { label: string; shot: () => Promise<void> }) {
  await goTo(page, 'Imports');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  if (policy) {
    const choice = page.getByRole('group', { name: 'Re-import policy' }).getByRole('button', { name: policy.label });
    await choice.click();
    await expect(choice).toHaveAttribute('aria-pressed', 'true');
    // One field with its own policy: email may be overwritten (the file's email is the same, so nothing changes).
    await page.getByRole('combobox', { name: 'Add a field with its own policy' }).selectOption('email');
    await expect(page.getByRole('combobox', { name: /^Policy for / })).toHaveValue('overwrite');
    await policy.shot();
  }
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
}

const customerRow = async (page: Page, email: string) => {
  await goTo(page, 'Customers');
  await page.getByRole('textbox', { name: 'Search customers' }).fill(email);
  return page.getByRole('row').filter({ hasText: email });
};

test('re-import with "fill blanks only", then undo it from the import history', async ({ page, studio }) => {
  await page.goto(studio.url);

  await importCustomers(page, 'crm.csv', 'email,first_name,city\npol.e2e@example.com,Pauline,\n');
  await page.getByRole('button', { name: 'Done' }).click();

  // The re-import may only fill what is empty: Pauline keeps her name and gains a city; Neo is new.
  await importCustomers(page, 'crm-update.csv', 'email,first_name,city\npol.e2e@example.com,Polly,Lyon\nneo.e2e@example.com,Neo,Nice\n', {
    label: 'Fill blanks only',
    shot: () => studio.shot(page, 'import-undo-00-policy-choice'),
  });
  await expect(page.getByTestId('rows-created')).toHaveText('1');
  await expect(page.getByTestId('rows-updated')).toHaveText('1');
  await expect(page.getByTestId('import-policy')).toContainText('Fill blanks only (email: overwrite)');
  await studio.shot(page, 'import-undo-01-fill-blanks-report');
  await page.getByRole('button', { name: 'Done' }).click();

  const pauline = await customerRow(page, 'pol.e2e@example.com');
  await expect(pauline).toContainText('Pauline');
  await expect(pauline).toContainText('Lyon');
  await expect(pauline).not.toContainText('Polly');

  // The history lists both imports with their counts; only the last one offers Undo.
  await goTo(page, 'Imports');
  const history = page.getByRole('table', { name: 'Import history' });
  const update = history.getByRole('row').filter({ hasText: 'crm-update.csv' });
  const first = history.getByRole('row').filter({ hasText: 'crm.csv' }).filter({ hasNotText: 'crm-update.csv' });
  await expect(update.getByRole('cell').nth(5)).toHaveText('1');
  await expect(update.getByRole('cell').nth(6)).toHaveText('1');
  await expect(update.getByTestId('import-mapping')).toHaveText('email, first_name, city');
  await expect(first.getByRole('button', { name: 'Undo…' })).toHaveCount(0);
  await studio.shot(page, 'import-undo-02-history');

  await update.getByRole('button', { name: 'Undo…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Undo this import?' });
  await expect(confirm).toContainText('deletes the 1 customer it created, puts the 1 customer it updated back as it was');
  await studio.shot(page, 'import-undo-03-confirm');
  await confirm.getByRole('button', { name: 'Undo import' }).click();
  await expect(confirm).toBeHidden();
  await expect(update).toContainText('undone');
  // Now the import before it is the last one.
  await expect(first.getByRole('button', { name: 'Undo…' })).toBeVisible();
  await studio.shot(page, 'import-undo-04-undone');
  await update.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId('import-undone')).toContainText('what it created is deleted and what it updated is back as it was');
  await page.getByRole('button', { name: 'Close' }).click();

  const restored = await customerRow(page, 'pol.e2e@example.com');
  await expect(restored).toContainText('Pauline');
  await expect(restored).not.toContainText('Lyon');
  await page.getByRole('textbox', { name: 'Search customers' }).fill('neo.e2e@example.com');
  await expect(page.getByRole('row').filter({ hasText: 'neo.e2e@example.com' })).toHaveCount(0);
  await studio.shot(page, 'import-undo-05-customers-after-undo');
});
