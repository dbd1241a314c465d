import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openScores } from './scores-nav';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

// Plain HTML (rendered as written), so lines typed at its end are part of the email.
const TEMPLATE = `<p>Tier: {{ rfm_tier }}; segments: {{ customer.segments | join: ' + ' }}</p>
<p>{% if rfm_r >= 4 %}Recent buyer{% else %}Not so recent{% endif %}</p>
`;

test('scores and segments are tokens in previews, completions and the customer dialog', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  // Score the demo in the RFM view, as a user would.
  await openScores(page, 'RFM');
  await page.getByLabel('Analysis date').fill('2026-11-01');
  await page.getByRole('button', { name: 'Run RFM' }).click();
  await expect(page.getByTestId('rfm-summary-line')).toContainText('As of 2026-11-01');
  await goTo(page, 'Studio');

  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(TEMPLATE);
  // Whatever the select-all left behind (an auto-closed bracket) goes.
  await page.keyboard.press('ControlOrMeta+Shift+End');
  await page.keyboard.press('Delete');
  const cards = page.getByTestId('preview-card');
  await expect(cards).toHaveCount(3);
  const segments = ['High-value customers', 'Lapsed customers', 'New subscribers'];
  for (let i = 0; i < 3; i++) {
    const body = cards.nth(i).frameLocator('iframe').locator('body');
    await expect(body).toContainText(/Tier: [A-Z][\w ]+; segments: /);
    await expect(body).toContainText(segments[i]!);
    await expect(body).toContainText(/Recent buyer|Not so recent/);
  }
  await studio.shot(page, 'computed-tokens-01-previews');

  // Autocomplete offers the scores, with whether they were computed.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('{{ rfm_ti');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toContainText('rfm_tier');
  await expect(suggest).toContainText('computed as of 2026-11-01');
  await studio.shot(page, 'computed-tokens-02-completion');
  await page.keyboard.press('Enter');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('{{ rfm_tier }}');
  await page.keyboard.press('End');

  // At the start of a tag, a segment condition with the workspace's segments to choose from.
  await page.keyboard.press('Enter');
  await page.keyboard.type('{% ');
  await expect(suggest).toContainText('if customer.segments contains');
  await page.keyboard.press('Enter');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText("{% if customer.segments contains 'High-value customers' %}");
  // Take the first choice, then Tab to the block's body.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hello, VIP');
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  await expect(cards.nth(0).frameLocator('iframe').locator('body')).toContainText('Hello, VIP');
  await expect(cards.nth(1).frameLocator('iframe').locator('body')).not.toContainText('Hello, VIP');
  await studio.shot(page, 'computed-tokens-03-segment-snippet');

  // "Insert field" lists the scores under their snake_case tokens.
  await page.getByRole('button', { name: 'Insert field ▾' }).click();
  await page.getByRole('textbox', { name: 'Filter fields' }).fill('recency');
  await expect(page.getByRole('menuitem', { name: /\{\{ rfm_r \}\}/ })).toContainText('computed as of 2026-11-01');
  await expect(page.getByRole('menuitem', { name: /\{\{ churn_probability \}\}/ })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Filter fields' }).fill('churn');
  await expect(page.getByRole('menuitem', { name: /\{\{ churn_probability \}\}/ })).toContainText('not computed yet');
  await studio.shot(page, 'computed-tokens-04-insert-field');
  await page.keyboard.press('Escape');

  // The customer dialog lists each score with its as-of date, and the segments as chips.
  await goTo(page, 'Customers');
  await page.getByRole('table', { name: 'Customers' }).getByRole('row').nth(1).click();
  const dialog = page.getByRole('dialog');
  const scores = dialog.getByRole('region', { name: 'Scores and segments' });
  await expect(scores.getByRole('row').filter({ hasText: '{{ rfm_tier }}' })).toContainText(/[A-Z][\w ]+\s*2026-11-01/);
  await expect(scores.getByRole('row').filter({ hasText: '{{ rfm_r }}' })).toContainText(/[1-5]\s*2026-11-01/);
  await expect(scores.getByTestId('segment-chip').first()).toBeVisible();
  await studio.shot(page, 'computed-tokens-05-customer-dialog');
});
