import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Replace the template's text as a paste would (no auto-closed brackets left behind). */
async function setTemplate(page: Page, text: string) {
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('ControlOrMeta+Shift+End');
  await page.keyboard.press('Delete');
}

const authoring = (page: Page) => page.getByRole('toolbar', { name: 'Authoring' });
const frameBody = (page: Page, index: number) => page.getByTestId('preview-card').nth(index).frameLocator('iframe').locator('body');

test('partials: a missing one is a clear problem; creating, editing, renaming and deleting one refreshes every preview', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await setTemplate(page, "<p>Hello {{ first_name | default: 'there' }}</p>\n{% render 'footer' %}\n");
  const problems = page.getByTestId('diagnostics');
  await expect(problems).toContainText('Ln 2');
  await expect(problems).toContainText('no partial named "footer"');

  await authoring(page).getByRole('button', { name: 'Partials' }).click();
  const dialog = page.getByRole('dialog', { name: 'Partials' });
  await dialog.getByLabel('Partial name').fill('footer');
  await dialog.getByLabel('Partial source').fill(`<p class="footer">Footer for {{ first_name | default: 'you' }}</p>`);
  await dialog.getByRole('button', { name: 'Create partial' }).click();
  await expect(dialog.getByRole('navigation', { name: 'Partials' }).getByRole('button', { name: 'footer' })).toBeVisible();
  await studio.shot(page, 'authoring-partials-01-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Every persona's preview includes it, with that persona's tokens, and the problem is gone.
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  for (let i = 0; i < 3; i++) await expect(frameBody(page, i)).toContainText(/Footer for \w+/);
  await studio.shot(page, 'authoring-partials-02-previews');

  // Editing the partial alone (the template is untouched) refreshes every preview using it.
  await authoring(page).getByRole('button', { name: 'Partials' }).click();
  await dialog.getByLabel('Partial source').fill('<p class="footer">See you soon</p>');
  await dialog.getByRole('button', { name: 'Save partial' }).click();
  await expect(dialog.getByRole('button', { name: 'Save partial' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  for (let i = 0; i < 3; i++) await expect(frameBody(page, i)).toContainText('See you soon');

  // A rename leaves the template's include without a partial: the problem says so, at its line.
  await authoring(page).getByRole('button', { name: 'Partials' }).click();
  await dialog.getByLabel('Partial name').fill('site_footer');
  await expect(dialog.getByRole('note')).toContainText("{% render 'footer' %}");
  await dialog.getByRole('button', { name: 'Save partial' }).click();
  await expect(dialog.getByRole('navigation', { name: 'Partials' }).getByRole('button', { name: 'site_footer' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(problems).toContainText('no partial named "footer"');

  // Insert from the dialog writes the include for the new name; then the partial is deleted (asked twice).
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await authoring(page).getByRole('button', { name: 'Partials' }).click();
  await dialog.getByRole('button', { name: /Insert/ }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText("{% render 'site_footer' %}");
  await authoring(page).getByRole('button', { name: 'Partials' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete "site_footer" for good' }).click();
  await expect(dialog.getByText('No partials yet.')).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 768 });
  await studio.shot(page, 'authoring-partials-03-deleted-1024');
});

test('token dictionary: tokens with a field, fallback and format render in every preview', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await setTemplate(page, '<p>Member since {{ member_since }}; spent {{ spent }}; tier {{ tier }}</p>\n');

  await authoring(page).getByRole('button', { name: 'Token dictionary' }).click();
  const dialog = page.getByRole('dialog', { name: 'Token dictionary' });
  await dialog.getByLabel('Token 1', { exact: true }).fill('member_since');
  await dialog.getByLabel('Field 1', { exact: true }).fill('signup_date');
  await dialog.getByLabel('Format 1', { exact: true }).selectOption('date');
  await dialog.getByLabel('Format detail 1', { exact: true }).fill('%B %Y');
  await dialog.getByRole('button', { name: '+ Add token' }).click();
  await dialog.getByLabel('Token 2', { exact: true }).fill('spent');
  await dialog.getByLabel('Field 2', { exact: true }).fill('lifetime_value');
  await dialog.getByLabel('Format 2', { exact: true }).selectOption('money');
  await dialog.getByLabel('Format detail 2', { exact: true }).fill('EUR');
  await dialog.getByRole('button', { name: '+ Add token' }).click();
  await dialog.getByLabel('Token 3', { exact: true }).fill('tier');
  await dialog.getByLabel('Field 3', { exact: true }).fill('no_such_field');
  await dialog.getByLabel('Fallback 3', { exact: true }).fill('Member');
  // A field the workspace does not have is saved (an import may bring it) but said plainly.
  await expect(dialog.getByTestId('dictionary-field-note')).toHaveCount(1);
  await expect(dialog.getByTestId('dictionary-field-note')).toHaveText(/No field named "no_such_field".*fallback "Member"/);
  await expect(dialog.getByTestId('dictionary-expression').first()).toHaveText("{{ member_since }} → {{ signup_date | date: '%B %Y' }}");
  await dialog.getByRole('button', { name: 'Save dictionary' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved');
  await studio.shot(page, 'authoring-dictionary-01-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();

  for (let i = 0; i < 3; i++) {
    await expect(frameBody(page, i)).toContainText(/Member since [A-Z][a-z]+ 20\d\d; spent €[\d,]+\.\d\d; tier Member/);
  }
  await studio.shot(page, 'authoring-dictionary-02-previews');

  // Stored in the workspace: a reload shows the same dictionary.
  await page.reload();
  await authoring(page).getByRole('button', { name: 'Token dictionary' }).click();
  await expect(dialog.getByLabel('Token 2', { exact: true })).toHaveValue('spent');
  await page.setViewportSize({ width: 1024, height: 768 });
  await studio.shot(page, 'authoring-dictionary-03-dialog-1024');
});

const AB_TEMPLATE = `<mjml>
  <mj-head><mj-title>Our autumn news</mj-title></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text font-size="18px">{% if variant == 'B' %}Short and sweet, {{ first_name | default: 'friend' }}.{% else %}A longer story for you, {{ first_name | default: 'friend' }}.{% endif %}</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>
`;

test('A/B variants: subject and blocks per variant, previewed side by side, saved with the template', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await setTemplate(page, AB_TEMPLATE);
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();

  await authoring(page).getByRole('button', { name: 'A/B variants' }).click();
  const dialog = page.getByRole('dialog', { name: /A\/B variants/ });
  await dialog.getByRole('button', { name: 'Start A/B test' }).click();
  await dialog.getByLabel('Variant 2 subject').fill('Quick one, {{ first_name | default: "friend" }}');
  await dialog.getByLabel('Variant 1 split').fill('70');
  await expect(dialog.getByRole('alert')).toContainText('add up to 120%');
  await expect(dialog.getByRole('button', { name: 'Save variants' })).toBeDisabled();
  await dialog.getByLabel('Variant 2 split').fill('30');

  const cards = dialog.getByTestId('variant-preview');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('Variant A');
  await expect(cards.nth(0)).toContainText('70%');
  await expect(cards.nth(0).getByTestId('variant-subject')).toHaveText('Our autumn news');
  await expect(cards.nth(1).getByTestId('variant-subject')).toHaveText(/^Quick one, \w+/);
  await expect(cards.nth(0).frameLocator('iframe').locator('body')).toContainText('A longer story for you');
  await expect(cards.nth(1).frameLocator('iframe').locator('body')).toContainText('Short and sweet');
  await dialog.getByRole('button', { name: 'Save variants' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved');
  await studio.shot(page, 'authoring-variants-01-side-by-side');
  await page.setViewportSize({ width: 1024, height: 768 });
  await studio.shot(page, 'authoring-variants-02-side-by-side-1024');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(authoring(page).getByTestId('variant-count')).toHaveText('2');

  // Saved with the template: after a reload the variants are still there.
  await page.reload();
  await authoring(page).getByRole('button', { name: 'A/B variants' }).click();
  await expect(dialog.getByLabel('Variant 2 subject')).toHaveValue('Quick one, {{ first_name | default: "friend" }}');
  await expect(dialog.getByLabel('Variant 1 split')).toHaveValue('70');
});
