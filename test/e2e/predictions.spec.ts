import { expect, test } from './fixtures';
import { openScores } from './scores-nav';

test('predictions on the demo: run propensity and churn, see the holdout AUC, the calibration chart and the churn histogram', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await openScores(page, 'Predictions');
  await expect(page.getByRole('heading', { name: 'Predictions', level: 1 })).toBeVisible();

  // The demo's activity ends on 2026-10-31: score as of the next day, so the window after the cutoff holds purchases.
  await page.getByLabel('As of').fill('2026-11-01');
  await page.getByLabel('Window (days)').fill('90');

  const propensity = page.getByRole('region', { name: 'Purchase propensity' });
  await expect(propensity).toContainText('Not run yet');
  await propensity.getByRole('button', { name: 'Run propensity' }).click();
  const auc = propensity.getByTestId('propensity-auc');
  await expect(auc).toContainText('Holdout AUC', { timeout: 60_000 });
  const value = Number((await auc.locator('b').textContent()) ?? '');
  expect(value).toBeGreaterThan(0.6);
  expect(value).toBeLessThanOrEqual(1);
  await expect(propensity).toContainText('As of 2026-11-01');
  // The calibration chart: ten holdout deciles drawn by ECharts, with both axes named.
  const calibration = propensity.getByTestId('calibration-chart');
  await expect(calibration.locator('svg')).toBeVisible();
  await expect(calibration).toContainText('Mean predicted probability');
  await expect(calibration).toContainText('Observed purchase rate');

  const churn = page.getByRole('region', { name: 'Churn (BG/NBD)' });
  await churn.getByRole('button', { name: 'Run churn' }).click();
  await expect(churn.getByLabel('BG/NBD parameters')).toBeVisible({ timeout: 60_000 });
  const histogram = churn.getByTestId('churn-histogram');
  await expect(histogram.locator('svg')).toBeVisible();
  await expect(histogram).toContainText('Churn probability');
  await expect(histogram).toContainText('Customers');
  await expect(churn).toContainText('Chance of dropping out after a purchase');
  await studio.shot(page, 'predictions-01-demo');

  // A workspace without orders says what the models need instead of offering to run them.
  await page.getByRole('button', { name: /Demo/ }).click();
  await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Workspace file path').fill(`${studio.dir}/empty.tailor`);
  const demo = dialog.getByRole('checkbox');
  if (await demo.isChecked()) await demo.uncheck();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('button', { name: /empty/ })).toBeVisible();
  await openScores(page, 'Predictions');
  await expect(page.getByRole('heading', { name: 'No orders yet' })).toBeVisible();
  await expect(page.getByText(/at least 20 customers with repeat purchases/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run churn' })).toHaveCount(0);
  await studio.shot(page, 'predictions-02-empty');
});
