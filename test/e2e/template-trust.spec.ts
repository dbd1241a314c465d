import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Replace the whole editor text the way a paste would (no auto-closing braces or tags). */
async function replaceSource(page: Page, text: string) {
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

const email = (body: string) =>
  `<mjml>\n<mj-body>\n<mj-section css-class="{% if first_name %}named{% endif %}">\n<mj-column>\n<mj-text>Hello {{ FirstName }}</mj-text>\n${body}\n</mj-column>\n</mj-section>\n</mj-body>\n</mjml>\n`;

test('a template cannot read local files, a mistyped tag is an error at its line, and css-class Liquid renders', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  const cards = page.getByTestId('preview-card');

  // Liquid in css-class renders for each persona (all demo personas have a first name).
  await replaceSource(page, email('<mj-text>ok</mj-text>'));
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  for (let i = 0; i < 3; i++) await expect(cards.nth(i).frameLocator('iframe').locator('div.named')).toHaveCount(1);

  // {% include package.json %} names the missing partial at its line; nothing of the file shows.
  await replaceSource(page, email('<mj-text>{% include package.json %}</mj-text>'));
  const diagnostics = page.getByTestId('diagnostics');
  await expect(diagnostics).toContainText('Ln 6');
  await expect(diagnostics).toContainText('no partial named "package.json"');
  await expect(page.getByTestId('preview-problem').first()).toContainText('Line 6');
  for (let i = 0; i < 3; i++) await expect(cards.nth(i).frameLocator('iframe').locator('body')).not.toContainText('productName');
  await expect(page.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await studio.shot(page, 'template-trust-01-include-refused');

  // A typo in a tag name would drop its content: an error at its line, shown over every preview.
  await replaceSource(page, email('<mj-textt>lost</mj-textt>'));
  await expect(diagnostics).toContainText('<mj-textt> is not an MJML element');
  await expect(diagnostics).toContainText('Did you mean <mj-text>?');
  await expect(page.getByTestId('preview-problem').first()).toContainText(/^Line 6, column \d+: MJML: <mj-textt>/);
  await studio.shot(page, 'template-trust-02-unknown-tag');
});
