import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openScores } from './scores-nav';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

test('clusters the demo workspace, renames a cluster and adds its medoid as a Studio persona', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);

  await openScores(page, 'Clusters');
  await expect(page.getByRole('heading', { name: 'No clusters yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Find clusters' }).click();

  // The k chart (silhouette and elbow) and one profile row per cluster, each with a medoid.
  await expect(page.getByTestId('clusters-k-chart').locator('svg')).toBeVisible({ timeout: 60_000 });
  const rows = page.getByTestId('cluster-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThanOrEqual(8);
  await expect(page.getByRole('heading', { name: new RegExp(`Choosing k: ${count} clusters`) })).toBeVisible();

  // Rename the first cluster, then make its medoid a persona.
  const name = rows.first().getByRole('textbox', { name: 'Name of cluster 1' });
  await name.fill('Best friends');
  await name.press('Enter');
  await expect(name).toHaveValue('Best friends');
  await page.mouse.move(0, 0);
  await studio.shot(page, 'clusters-01-profiles');

  const medoid = (await rows.first().locator('td').last().locator('span').first().innerText()).trim();
  await rows.first().getByRole('button', { name: 'Add medoid as persona' }).click();
  await expect(page.getByText('"Best friends (medoid)" is now a persona in the Studio')).toBeVisible();

  // The Studio previews the template as the new persona: the medoid customer.
  await goTo(page, 'Studio');
  const card = page.getByRole('article', { name: 'Preview as Best friends (medoid)' });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('persona-customer')).toContainText(medoid);
  await expect(page.getByTestId('preview-card')).toHaveCount(4);
  await card.scrollIntoViewIfNeeded();
  await studio.shot(page, 'clusters-02-medoid-persona-in-studio');
});

test('scores intent, moves the threshold on the histogram and saves the High intent segment', async ({ page, studio }) => {
  await page.goto(studio.url);
  await openScores(page, 'Intent');
  await expect(page.getByRole('heading', { name: 'No intent scores yet' })).toBeVisible();
  // The default weights cover the demo's events: product_view 3, cart_add 5, purchase 10. Add one more type.
  await page.getByRole('textbox', { name: 'New event type' }).fill('email_click');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('spinbutton', { name: 'Weight of email_click' }).fill('1');
  await page.getByRole('button', { name: 'Score intent' }).click();

  await expect(page.getByTestId('intent-histogram').locator('svg')).toBeVisible({ timeout: 60_000 });
  const countAbove = page.getByTestId('intent-count-above');
  const value = page.getByRole('spinbutton', { name: 'Threshold value' });
  await value.fill('0');
  await expect(countAbove).not.toHaveText('…');
  const all = Number((await countAbove.innerText()).replace(/\D/g, ''));
  await value.fill('20');
  await expect(countAbove).not.toHaveText(String(all));
  const high = Number((await countAbove.innerText()).replace(/\D/g, ''));
  expect(high).toBeLessThan(all);
  expect(high).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Save as High intent segment' }).click();
  await expect(page.getByText(/Segment "High intent" now holds the .* customers? scoring at least 20/)).toBeVisible();
  await expect(page.getByText('Segment “High intent”: intent score at least 20')).toBeVisible();
  await studio.shot(page, 'intent-01-histogram-threshold');
});
