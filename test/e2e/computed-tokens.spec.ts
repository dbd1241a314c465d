import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { replaceModelScores } from '../../electron/workspace/scores/score-store';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

const TIERS = ['Champions', 'Loyal', 'At Risk'];

/**
 * Scores as a model run writes them, through the score store on a connection
 * of its own (as a scoring worker does), while the studio's host has the
 * workspace open: every demo customer gets a tier and a churn probability.
 */
function writeScores(workspace: string): void {
  const db = new Database(workspace);
  try {
    const ids = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
    replaceModelScores(
      db,
      { model: 'rfm', asOf: '2026-06-30', modelVersion: 'e2e', settings: {}, summary: {} },
      ids.map((customerId, index) => ({
        customerId,
        scores: { rfm_tier: TIERS[index % 3]!, rfm_r: (index % 5) + 1, rfm_f: 3, rfm_m: 4 },
      })),
    );
    replaceModelScores(
      db,
      { model: 'churn', asOf: '2026-06-30', modelVersion: 'e2e', settings: {}, summary: {} },
      ids.map((customerId, index) => ({ customerId, scores: { churn_probability: index % 2 ? 0.8 : 0.1, expected_purchases: 1.5 } })),
    );
  } finally {
    db.close();
  }
}

const TEMPLATE = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Tier: {{ rfm_tier }}; segments: {{ customer.segments | join: ' + ' }}</mj-text>
<mj-text>{% if churn_probability > 0.5 %}We miss you{% else %}Thanks for staying{% endif %}</mj-text>
</mj-column></mj-section></mj-body></mjml>
`;

test('scores and segments are tokens in previews, completions and the customer dialog', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  writeScores(path.join(studio.dir, 'home', 'Demo.tailor'));
  await page.reload();

  // A template that reads the scores and the segments: every persona shows its own.
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(TEMPLATE);
  const cards = page.getByTestId('preview-card');
  await expect(cards).toHaveCount(3);
  const segments = ['High-value customers', 'Lapsed customers', 'New subscribers'];
  for (let i = 0; i < 3; i++) {
    const body = cards.nth(i).frameLocator('iframe').locator('body');
    await expect(body).toContainText(/Tier: (Champions|Loyal|At Risk); segments: /);
    await expect(body).toContainText(segments[i]!);
    await expect(body).toContainText(/We miss you|Thanks for staying/);
  }
  await studio.shot(page, 'computed-tokens-01-previews');

  // Autocomplete offers the scores, with whether they were computed.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('{{ churn_pro');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toContainText('churn_probability');
  await expect(suggest).toContainText('computed as of 2026-06-30');
  await studio.shot(page, 'computed-tokens-02-completion');
  await page.keyboard.press('Escape');

  // The customer dialog lists each score with its as-of date, and the segments as chips.
  await goTo(page, 'Customers');
  await page.getByRole('table', { name: 'Customers' }).getByRole('row').nth(1).click();
  const dialog = page.getByRole('dialog');
  const scores = dialog.getByRole('region', { name: 'Scores and segments' });
  await expect(scores.getByRole('row').filter({ hasText: '{{ rfm_tier }}' })).toContainText(/(Champions|Loyal|At Risk)\s*2026-06-30/);
  await expect(scores.getByRole('row').filter({ hasText: '{{ churn_probability }}' })).toContainText(/0\.(8|1)/);
  await expect(scores.getByTestId('segment-chip').first()).toBeVisible();
  await studio.shot(page, 'computed-tokens-03-customer-dialog');
});
