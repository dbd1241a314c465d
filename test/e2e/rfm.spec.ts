import { expect, test } from './fixtures';
import { openScores } from './scores-nav';

test('RFM on the demo workspace: run as of a date, see the heatmap, tier bars and tier table, edit the tier rules', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  // The Scores view's shortcut, then its RFM tab.
  await page.keyboard.press('Control+7');
  await page.getByRole('tab', { name: 'RFM' }).click();
  await expect(page.getByRole('heading', { name: 'RFM', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No RFM scores yet' })).toBeVisible();

  await page.getByLabel('Analysis date').fill('2026-11-01');
  await page.getByRole('button', { name: 'Run RFM' }).click();
  await expect(page.getByTestId('rfm-summary-line')).toContainText('As of 2026-11-01');

  const heatmap = page.getByTestId('rfm-heatmap');
  await expect(heatmap.locator('svg')).toBeVisible();
  await expect(heatmap).toContainText('Recency score (5 = ordered most recently)');
  await expect(heatmap).toContainText('Frequency score (5 = most orders)');
  await expect(page.getByTestId('rfm-tier-bars').locator('svg')).toBeVisible();
  const tiers = page.getByRole('table', { name: 'Tiers' });
  await expect(tiers.getByRole('row', { name: /^Champions/ })).toBeVisible();
  await expect(tiers.getByRole('row')).toHaveCount(12); // header, ten package segments, Others
  // What each score stands for: five recency bins, the most recent (score 5) first.
  const scores = page.getByRole('table', { name: 'Scores' });
  await expect(scores.getByRole('row')).toHaveCount(6);
  await expect(scores.getByRole('row').nth(1)).toContainText(/^5below \d+/);
  await studio.shot(page, 'rfm-01-demo-run');

  // The tier rules: remove Champions, so the 5-5-5 customers become Potential Loyalists; the run saves the rules.
  const rules = page.getByRole('table', { name: 'Tier rules' });
  await rules.getByRole('button', { name: 'Remove Champions' }).click();
  await expect(rules.getByRole('row', { name: /^Rule 1: Potential Loyalist/ })).toBeVisible();
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(tiers.getByRole('row')).toHaveCount(11);
  await expect(tiers.getByRole('row', { name: /^Champions/ })).toHaveCount(0);

  // A range whose start is above its end is refused before anything runs.
  await rules.getByLabel('Potential Loyalist: lowest recency score').selectOption('5');
  await rules.getByLabel('Potential Loyalist: highest recency score').selectOption('2');
  await expect(page.getByRole('alert')).toHaveText('Rule 1 (Potential Loyalist), recency: A range starts at or below where it ends.');
  await expect(page.getByRole('button', { name: 'Run again' })).toBeDisabled();
  await rules.scrollIntoViewIfNeeded();
  await studio.shot(page, 'rfm-02-rules');
});

test('a workspace without orders says RFM needs them and leads to the import', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('button', { name: /Demo/ }).click();
  await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Workspace file path').fill(`${studio.dir}/empty.tailor`);
  const demo = dialog.getByRole('checkbox');
  if (await demo.isChecked()) await demo.uncheck();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('button', { name: /empty/ })).toBeVisible();

  await openScores(page, 'RFM');
  await expect(page.getByRole('heading', { name: 'No orders yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run RFM' })).toHaveCount(0);
  await studio.shot(page, 'rfm-03-empty');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await expect(page.getByRole('dialog')).toContainText('Import');
});
