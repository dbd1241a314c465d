import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The preview pane's A/B variant selector: hidden without variants; with
 * them, the persona previews, their inbox rows, focus mode and compare mode
 * show the chosen variant, and "All" shows one persona in every variant.
 */

const AB_TEMPLATE = `<mjml>
  <mj-head>
    <mj-title>Our autumn news</mj-title>
    <mj-preview>New in store this week</mj-preview>
  </mj-head>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text font-size="18px">{% if variant == 'B' %}Short and sweet, {{ first_name | default: 'friend' }}.{% else %}A longer story for you, {{ first_name | default: 'friend' }}.{% endif %}</mj-text>
        <mj-text>Linden and Loom</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

/** Paste the template over the editor's text, as a designer would. */
async function pasteTemplate(page: Page, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

const cards = (page: Page) => page.getByTestId('preview-card');
const selector = (page: Page) => page.getByRole('group', { name: 'A/B variant' });

test('the preview pane switches A/B variants: previews, inbox subjects, focus and All follow the choice', async ({ page, studio }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(studio.url);
  await expect(cards(page)).toHaveCount(3);
  await pasteTemplate(page, AB_TEMPLATE);
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  await expect(cards(page).first().frameLocator('iframe').locator('body')).toContainText('A longer story for you');
  // Not an A/B test: no selector.
  await expect(selector(page)).toHaveCount(0);

  await page.getByRole('toolbar', { name: 'Authoring' }).getByRole('button', { name: 'A/B variants' }).click();
  const dialog = page.getByRole('dialog', { name: /A\/B variants/ });
  await dialog.getByRole('button', { name: 'Start A/B test' }).click();
  await dialog.getByLabel('Variant 1 split').fill('60');
  await dialog.getByLabel('Variant 2 split').fill('40');
  await dialog.getByLabel('Variant 2 subject').fill('Quick one, {{ first_name | default: "friend" }}');
  await dialog.getByRole('button', { name: 'Save variants' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The first variant is shown until another is picked.
  await expect(selector(page)).toBeVisible();
  await expect(selector(page).getByRole('button', { name: 'Variant A, 60%' })).toHaveAttribute('aria-pressed', 'true');
  await expect(selector(page).getByRole('button', { name: 'Variant B, 40%' })).toHaveAttribute('aria-pressed', 'false');
  const first = cards(page).first();
  await expect(first.getByTestId('inbox-subject')).toHaveText('Our autumn news');
  await expect(first.frameLocator('iframe').locator('body')).toContainText('A longer story for you');

  // B: every persona's preview and inbox subject change.
  await selector(page).getByRole('button', { name: 'Variant B, 40%' }).click();
  await expect(cards(page)).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(cards(page).nth(i).getByTestId('inbox-subject')).toHaveText(/^Quick one, \S+/);
    await expect(cards(page).nth(i).frameLocator('iframe').locator('body')).toContainText('Short and sweet');
  }
  await studio.shot(page, 'preview-variants-01-b-1440');

  // Focus mode follows the variant.
  await page.getByRole('toolbar', { name: 'Preview options' }).getByRole('button', { name: 'Focus' }).click();
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().getByTestId('inbox-subject')).toHaveText(/^Quick one, \S+/);
  await expect(cards(page).first().frameLocator('iframe').locator('body')).toContainText('Short and sweet');

  // Alt+V steps to "All": the persona on the strip in every variant, side by side; → moves to the next persona.
  await page.keyboard.press('Alt+V');
  await expect(selector(page).getByRole('button', { name: 'All variants' })).toHaveAttribute('aria-pressed', 'true');
  await expect(cards(page)).toHaveCount(2);
  await expect(cards(page).nth(0)).toContainText('Variant A · 60%');
  await expect(cards(page).nth(1)).toContainText('Variant B · 40%');
  await expect(cards(page).nth(0).getByTestId('inbox-subject')).toHaveText('Our autumn news');
  await expect(cards(page).nth(1).getByTestId('inbox-subject')).toHaveText(/^Quick one, \S+/);
  await expect(cards(page).nth(0).frameLocator('iframe').locator('body')).toContainText('A longer story for you');
  await expect(cards(page).nth(1).frameLocator('iframe').locator('body')).toContainText('Short and sweet');
  const strip = page.getByRole('tablist', { name: 'Personas' });
  // Each card names the strip's customer (the tab's second line).
  const customerOnStrip = async () => (await strip.getByRole('tab', { selected: true }).innerText()).split('\n')[1]!.trim();
  const firstCustomer = await customerOnStrip();
  await expect(cards(page).nth(0).getByTestId('persona-customer')).toContainText(firstCustomer);
  await expect(cards(page).nth(1).getByTestId('persona-customer')).toContainText(firstCustomer);
  await page.keyboard.press('ArrowRight');
  await expect.poll(customerOnStrip).not.toBe(firstCustomer);
  const secondCustomer = await customerOnStrip();
  await expect(cards(page).nth(0).getByTestId('persona-customer')).toContainText(secondCustomer);
  await expect(cards(page).nth(1).getByTestId('persona-customer')).toContainText(secondCustomer);

  // Compare mode under "All" compares the variants with each other.
  await page.keyboard.press('Alt+C');
  await expect(cards(page).nth(0).getByTestId('compare-tokens')).toBeVisible();
  await studio.shot(page, 'preview-variants-02-all-compare-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(selector(page).getByRole('button', { name: 'All variants' })).toBeInViewport();
  await studio.shot(page, 'preview-variants-03-all-compare-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press('Alt+C');

  // The variants are palette commands too.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Command' }).fill('preview variant A');
  await expect(palette.getByRole('option', { name: /Preview variant A \(60%\)/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(selector(page).getByRole('button', { name: 'Variant A, 60%' })).toHaveAttribute('aria-pressed', 'true');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().getByTestId('inbox-subject')).toHaveText('Our autumn news');

  // Ending the A/B test hides the selector again.
  await page.getByRole('toolbar', { name: 'Authoring' }).getByRole('button', { name: 'A/B variants' }).click();
  await dialog.getByRole('button', { name: 'End A/B test' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(selector(page)).toHaveCount(0);
});
