import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

async function importFile(page: Page, name: string, buffer: Buffer) {
  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
}

test('the import report accounts for every record and shows the encoding it read', async ({ page, studio }) => {
  await page.goto(studio.url);

  // UTF-8 with accents, one stray Windows-1252 byte (line 3) and a quote that never closes (line 4).
  const mixed = Buffer.concat([
    Buffer.from('email,first_name,city\nzoe.e2e@example.com,Zoë,Zürich\nstray@example.com,No'),
    Buffer.from([0xeb]),
    Buffer.from('l,Paris\nopen@example.com,"Never closed,Oslo\nafter@example.com,Åsa,Bergen\n'),
  ]);
  await importFile(page, 'mixed.csv', mixed);
  await expect(page.getByTestId('rows-imported')).toHaveText('2');
  await expect(page.getByTestId('rows-rejected')).toHaveText('2');
  await expect(page.getByTestId('import-accounting')).toContainText('4 records on 5 lines = 2 new + 0 updated + 2 rejected + 0 skipped');
  await expect(page.getByTestId('import-encoding')).toContainText(/Read as UTF-8 \(\d+% confidence\)/);
  const rejected = page.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row').nth(1)).toContainText('byte 0xEB on this line is not valid UTF-8');
  await expect(rejected.getByRole('row').nth(2)).toContainText('never closed');
  await studio.shot(page, 'import-01-report-accounting-and-encoding');
  await page.getByRole('button', { name: 'Done' }).click();

  // Excel on Windows: the whole file in Windows-1252.
  await importFile(page, 'ansi.csv', Buffer.from('email,first_name,city\r\nines.e2e@example.com,In\xe8s,Orl\xe9ans\r\n', 'latin1'));
  await expect(page.getByTestId('import-encoding')).toContainText(/Read as Windows-1252 \(Western European\) \(\d+% confidence\)/);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('textbox', { name: 'Search customers' }).fill('ines.e2e');
  await expect(page.getByRole('row').filter({ hasText: 'ines.e2e@example.com' })).toContainText('Orléans');
});
