import type { Page } from '@playwright/test';

/** Opens the Scores view (Ctrl+7) on one model's tab, as a user does. */
export async function openScores(page: Page, tab: 'RFM' | 'Intent' | 'Clusters' | 'Predictions'): Promise<void> {
  await page.keyboard.press('Control+7');
  await page.getByRole('tablist', { name: 'Scoring models' }).getByRole('tab', { name: tab }).click();
}
