import { expect, test } from './fixtures';
import { openScores } from './scores-nav';

/*
 * The demo's activity ends on 2026-10-31, so its default as-of day is 2026-11-01 whatever today is: every form that
 * takes a date starts there (so a first run on the demo finds recent orders and events), and the segment builder
 * says it counts from there.
 */
test('the demo starts every as-of date at its reference day, not today', async ({ page, studio }) => {
  await page.goto(studio.url);
  await openScores(page, 'RFM');
  await expect(page.getByLabel('Analysis date')).toHaveValue('2026-11-01');
  for (const tab of ['Intent', 'Clusters', 'Predictions'] as const) {
    await openScores(page, tab);
    await expect(page.getByLabel('As of', { exact: true })).toHaveValue('2026-11-01');
  }

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Segments' }).click();
  await page.getByRole('button', { name: '+ New segment' }).click();
  await expect(page.getByLabel('As-of date')).toHaveValue('');
  await expect(page.locator('#as-of-hint')).toHaveText('2026-11-01');
  await page.getByLabel('As-of date').fill('2026-06-30');
  await expect(page.getByRole('button', { name: 'Use 2026-11-01' })).toBeVisible();
  await studio.shot(page, 'demo-as-of-01-segment');
});
