import { expect, test } from './fixtures';

test('the workspace menu compacts the open workspace', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('button', { name: /Demo/ }).click();
  await page.getByRole('menuitem', { name: 'Compact workspace' }).click();
  await expect(page.getByText(/^(Compacted Demo: .+ → .+|Demo was already compact \(.+\)\.)$/)).toBeVisible();
  await studio.shot(page, 'workspace-compacted');
});
