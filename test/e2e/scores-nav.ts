import type { Page } from '@playwright/test';

/** Opens the Scores view on one model's tab, as a user does (rfm.spec also reaches it with Ctrl+7). */
export async function openScores(page: Page, tab: 'RFM' | 'Intent' | 'Clusters' | 'Predictions'): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Scores' }).click();
  await page.getByRole('tablist', { name: 'Scoring models' }).getByRole('tab', { name: tab }).click();
}
