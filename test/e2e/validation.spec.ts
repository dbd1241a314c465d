import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

const BAD_ROWS = [
  'email,first_name,city',
  'maria.e2e@gmial.com,María,Lyon',
  'not-an-email,Bad,Paris',
  'josé.e2e@exemple.fr,José,Nice',
  '=cmd|calc,Evil,Rome',
  '',
].join('\n');

test('rejected rows export as CSV, fixed rows re-import, flagged customers are shown and filtered', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  await page.getByTestId('import-file-input').setInputFiles({ name: 'signups.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_ROWS) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expect(page.getByTestId('rows-imported')).toHaveText('2');
  await expect(page.getByTestId('rows-rejected')).toHaveText('2');
  await expect(page.getByTestId('rows-flagged')).toHaveText('1');
  await expect(page.getByTestId('rule-count-email_syntax')).toContainText(/Email syntax\s*0\s*2/);
  await expect(page.getByTestId('rule-count-email_typo')).toContainText(/Email domain typos\s*1\s*0/);
  await expect(page.getByRole('table', { name: 'Rejected rows' })).toContainText('"not-an-email" is not a valid email address');
  await studio.shot(page, 'validation-01-report-per-rule');

  // Export the rejected rows, fix them in the file as a user would, and import the file as it is.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export rejected rows (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('signups-rejected.csv');
  const exported = fs.readFileSync(await download.path(), 'utf8');
  expect(exported.startsWith('\uFEFFTailor: why rejected,email,first_name,city\r\n')).toBe(true);
  expect(exported).toContain(',not-an-email,Bad,Paris\r\n');
  // The formula cell carries the spreadsheet's text marker, so a spreadsheet does not run it.
  expect(exported).toContain(`,"'=cmd|calc",Evil,Rome\r\n`);
  const fixed = exported.replace(',not-an-email,', ',bad.e2e@example.com,').replace(`,"'=cmd|calc",`, ',evil.e2e@example.com,');

  await page.getByRole('button', { name: 'Import another file' }).click();
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: 'signups-rejected.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('import-report')).toContainText('signups-rejected.csv');
  await expect(page.getByTestId('rows-imported')).toHaveText('2');
  await expect(page.getByTestId('rows-rejected')).toHaveText('0');
  // The reasons column is left out: the file maps exactly the columns it had.
  await expect(page.getByTestId('import-report')).toContainText('city → {{ city }}');
  await expect(page.getByTestId('import-report')).not.toContainText('Tailor: why rejected');
  await studio.shot(page, 'validation-02-fixed-file-reimported');
  await page.getByRole('button', { name: 'Done' }).click();

  const search = page.getByRole('textbox', { name: 'Search customers' });
  await search.fill('e2e@');
  const grid = page.getByRole('table', { name: 'Customers' });
  for (const email of ['bad.e2e@example.com', 'evil.e2e@example.com', 'maria.e2e@gmial.com', 'josé.e2e@exemple.fr']) {
    await expect(grid.getByRole('row').filter({ hasText: email })).toBeVisible();
  }
  await expect(page.getByTestId('customer-total')).toHaveText('4');

  await page.getByRole('checkbox', { name: 'Flagged only' }).check();
  await expect(page.getByTestId('customer-total')).toHaveText('1');
  await expect(grid.getByRole('row').filter({ hasText: 'maria.e2e@gmial.com' })).toBeVisible();
  await studio.shot(page, 'validation-03-flagged-only');

  await grid.getByRole('row').filter({ hasText: 'maria.e2e@gmial.com' }).click();
  await expect(page.getByTestId('customer-flags')).toContainText('Email domain typos');
  await expect(page.getByTestId('customer-flags')).toContainText('Suggestion: maria.e2e@gmail.com');
  await studio.shot(page, 'validation-04-customer-flag');
});

test('validation rules are listed and toggled per workspace, and the next import follows them', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Imports');
  await page.getByRole('button', { name: 'Validation rules…' }).click();
  const rules = page.getByRole('table', { name: 'Validation rules' });
  await expect(rules.getByRole('row')).toHaveCount(9);
  await rules.getByRole('combobox', { name: 'Email syntax: when it fails' }).selectOption('flag');
  await expect(rules.getByRole('combobox', { name: 'Email syntax: when it fails' })).toHaveValue('flag');
  await studio.shot(page, 'validation-05-rules');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  await page.getByTestId('import-file-input').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_ROWS) });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-rejected')).toHaveText('0');
  await expect(page.getByTestId('rows-imported')).toHaveText('4');
  await expect(page.getByTestId('rule-count-email_syntax')).toContainText(/Email syntax\s*2\s*0/);
});

test('a row that fails several rules is rejected with every reason, each named by its rule', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Imports');
  await page.getByRole('button', { name: 'Validation rules…' }).click();
  await page.getByRole('combobox', { name: 'Future dates: when it fails' }).selectOption('reject');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  const file = Buffer.from('email,first_name,birth_date\nnot-an-email,Future,2090-01-01\n');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'two-reasons.csv', mimeType: 'text/csv', buffer: file });
  await page.getByTestId('wizard-import').click();
  const row = page.getByRole('table', { name: 'Rejected rows' }).getByRole('row').nth(1);
  await expect(row.getByRole('listitem')).toHaveText([
    'Email syntax: "not-an-email" is not a valid email address (no @)',
    'Future dates: birth date "2090-01-01" is in the future',
  ]);
  await studio.shot(page, 'validation-06-every-reason');
});
