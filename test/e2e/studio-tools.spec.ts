import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 8 items 3, 8, 9 and 10: the persona picker, the starter gallery, raw
 * HTML templates with the compiled-HTML pane, and the command palette.
 */

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
const cards = (page: Page) => page.getByTestId('preview-card');

test('persona picker: search any field, step through a segment, add or replace from the customer dialog', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(cards(page)).toHaveCount(3);

  // Search by a custom field's value; the result says which field matched, and the keyboard picks it.
  await cards(page).first().getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: /Edit persona/ });
  await dialog.getByRole('button', { name: 'A specific customer' }).click();
  await dialog.getByRole('combobox', { name: 'Find a customer' }).fill('platinum');
  const results = dialog.getByRole('listbox', { name: 'Matching customers' });
  await expect(results.getByRole('option').first()).toContainText('loyalty_tier: Platinum');
  await studio.shot(page, 'persona-picker-search');
  await dialog.getByRole('combobox', { name: 'Find a customer' }).press('ArrowDown');
  await dialog.getByRole('combobox', { name: 'Find a customer' }).press('Enter');
  const chosen = (await dialog.getByTestId('chosen-customer').innerText()).replace(/^Previewing as\s*/, '');
  const chosenName = chosen.split(' · ')[0]!;
  // Labelled by who they are: the name and what they were found by.
  await expect(dialog.getByRole('textbox', { name: 'Persona label' })).toHaveValue(`${chosenName} · Platinum`);
  await dialog.getByRole('button', { name: 'Save persona' }).click();
  await expect(cards(page).first().getByTestId('persona-customer')).toContainText(chosenName);
  await expect(cards(page).first()).toContainText(`${chosenName} · Platinum`);

  // A segment persona steps through its members from the Personas menu; the preview follows.
  const segmentCard = cards(page).nth(1);
  const memberBefore = await segmentCard.getByTestId('persona-customer').innerText();
  await page.getByRole('button', { name: 'Personas ▾' }).click();
  const menu = page.getByRole('menu', { name: 'Personas' });
  await expect(menu.getByTestId('persona-row')).toHaveCount(3);
  await menu.getByTestId('persona-row').nth(1).getByRole('button', { name: 'Next member' }).click();
  await expect(segmentCard.getByTestId('persona-customer')).not.toHaveText(memberBefore);
  const memberAfter = await segmentCard.getByTestId('persona-customer').innerText();
  expect(memberAfter).not.toBe('');
  await studio.shot(page, 'persona-picker-menu-next-member');
  await menu.getByTestId('persona-row').nth(1).getByRole('button', { name: 'Previous member' }).click();
  await expect(segmentCard.getByTestId('persona-customer')).toHaveText(memberBefore);
  await menu.getByTestId('persona-row').nth(1).getByRole('button', { name: 'Random member' }).click();
  await expect(segmentCard.getByTestId('persona-customer')).not.toHaveText(memberBefore);
  await page.keyboard.press('Escape');

  // From the customer dialog: with a row of three previews full, it replaces by default.
  await goTo(page, 'Customers');
  await page.getByRole('textbox', { name: 'Search customers' }).fill('C10005');
  await page.getByRole('row').filter({ hasText: 'C10005' }).first().click();
  const customer = page.getByRole('dialog').filter({ hasText: 'Customer C10005' });
  const name = await customer.getByRole('heading').first().innerText();
  const choice = customer.getByRole('combobox', { name: 'Add or replace a persona' });
  await expect(choice.locator('option:checked')).toHaveText(/^Replace “/);
  await studio.shot(page, 'persona-picker-customer-dialog');
  const replaced = (await choice.locator('option:checked').innerText()).replace(/^Replace “|”$/g, '');
  await customer.getByRole('button', { name: 'Preview emails as this customer' }).click();
  await goTo(page, 'Studio');
  await expect(cards(page)).toHaveCount(3);
  await expect(cards(page).nth(2).getByTestId('persona-customer')).toContainText(name);
  await expect(cards(page).nth(2)).not.toContainText(replaced);

  // Adding instead is a choice: the fourth persona is added.
  await goTo(page, 'Customers');
  await page.getByRole('row').filter({ hasText: 'C10005' }).first().click();
  await page.getByRole('combobox', { name: 'Add or replace a persona' }).selectOption('add');
  await page.getByRole('button', { name: 'Preview emails as this customer' }).click();
  await goTo(page, 'Studio');
  await expect(cards(page)).toHaveCount(4);
});

test('starter gallery opens on screen and every new starter previews without problems', async ({ page, studio }) => {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(studio.url);
    await expect(cards(page)).toHaveCount(3);
    await page.getByRole('button', { name: 'New from a starter' }).click();
    const gallery = page.getByRole('dialog', { name: 'New from a starter' });
    await expect(gallery.getByRole('button', { name: /^Start from / })).toHaveCount(10);
    const box = (await gallery.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await studio.shot(page, `starter-gallery-${width}`);
    await page.keyboard.press('Escape');
  }

  for (const [name, text] of [
    ['Welcome', 'Welcome, '],
    ['Abandoned cart', 'Still thinking it over'],
    ['Post-purchase', 'Thank you, '],
    ['Birthday', 'Happy birthday, '],
    ['Win-back', 'Come back, '],
  ] as const) {
    await page.getByRole('button', { name: 'New from a starter' }).click();
    await page.getByRole('button', { name: `Start from ${name}` }).click();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('option', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
    for (let i = 0; i < 3; i++) await expect(cards(page).nth(i).locator('iframe').contentFrame().locator('body')).toContainText(text);
    await expect(cards(page).first().getByTestId('preview-problem')).toHaveCount(0);
  }
  await studio.shot(page, 'starter-win-back');
});

test('a raw HTML template previews, and the compiled HTML pane shows inlined CSS and copies it', async ({ page, studio }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(studio.url);
  await expect(cards(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'New from a starter' }).click();
  await page.getByRole('button', { name: 'Start from Blank HTML email' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /^Blank HTML email/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  await expect(cards(page).first().locator('iframe').contentFrame().locator('.headline')).toContainText('Hello ');

  await page.getByRole('button', { name: 'HTML', exact: true }).click();
  const pane = page.getByRole('dialog', { name: 'Compiled HTML' });
  const code = pane.getByLabel('Compiled HTML', { exact: true }).last();
  await expect(code).toContainText('class="headline" style="');
  await expect(code).toContainText("{{ first_name | default: 'there' }}");
  await expect(pane.getByTestId('compiled-size')).toContainText(/KB|bytes|B/);
  await studio.shot(page, 'compiled-html-pane');
  await pane.getByRole('button', { name: 'Copy HTML' }).click();
  await expect(pane.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('class="headline" style="');
  expect(copied).toContain('{% if city != blank %}');
});

test('the command palette lists every registered command with its shortcut and runs them', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(cards(page)).toHaveCount(3);

  // The editor takes the focus on opening, where Ctrl+K starts Monaco's chords: F1 opens the palette from anywhere.
  await page.keyboard.press('F1');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  for (const title of [
    'Go to Studio',
    'Go to Scores',
    'New template',
    'Export the template…',
    'Template history…',
    'Keyboard shortcuts',
    'Open workspace…',
    'View compiled HTML',
    'New template from a starter…',
  ]) {
    await expect(palette.getByRole('option').getByText(title, { exact: true })).toBeVisible();
  }
  await expect(palette.getByRole('option', { name: /^Export the template…/ })).toContainText('Ctrl+Shift+E');
  await expect(palette.getByRole('option', { name: /^Go to Segments/ })).toContainText('Ctrl+3');
  await studio.shot(page, 'palette-open');
  await palette.getByRole('combobox', { name: 'Command' }).fill('segments');
  await studio.shot(page, 'palette-filtered');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Segments' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // F1 opens it from inside the editor (replacing Monaco's own), and a command opens its dialog.
  await goTo(page, 'Studio');
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('F1');
  await expect(palette).toBeVisible();
  await expect(page.locator('.quick-input-widget:visible')).toHaveCount(0);
  await palette.getByRole('combobox', { name: 'Command' }).fill('history');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /History/i })).toBeVisible();
  await page.keyboard.press('Escape');

  // The shortcut list reads the same registry.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Go to Customers' })).toContainText('Ctrl+2');
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Export the template' })).toContainText('Ctrl+Shift+E');
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Command palette' }).first()).toContainText('F1 or Ctrl+Shift+P');
  await studio.shot(page, 'shortcuts-from-registry');
});
