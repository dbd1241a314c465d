import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Key routing between the command palette and Monaco: in the editor Ctrl+K
 * starts Monaco's chords and the palette is F1 or Ctrl+Shift+P (listing the
 * editor's actions); elsewhere Ctrl+K opens the palette.
 */

const firstLine = (page: Page) => page.locator('.monaco-editor .view-line').first();
const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });

test('Ctrl+K chords work in the editor; the palette opens from the editor by F1 / Ctrl+Shift+P and elsewhere by Ctrl+K', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(firstLine(page)).not.toContainText('<!--');

  // Ctrl+K Ctrl+C comments the line, Ctrl+K Ctrl+U uncomments it; the palette stays shut.
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+C');
  await expect(firstLine(page)).toContainText('<!--');
  await expect(palette(page)).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+U');
  await expect(firstLine(page)).not.toContainText('<!--');
  await expect(palette(page)).toHaveCount(0);

  // Ctrl+Shift+P opens our palette from the editor, not Monaco's quick input.
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await expect(palette(page)).toBeVisible();
  await expect(page.locator('.quick-input-widget:visible')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);

  // F1 too, and the palette lists the editor's own actions: running one acts on the editor.
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F1');
  await expect(palette(page)).toBeVisible();
  await palette(page).getByRole('combobox', { name: 'Command' }).fill('toggle line comment');
  await expect(palette(page).getByRole('option', { name: 'Toggle Line Comment' })).toBeVisible();
  await studio.shot(page, 'palette-editor-actions');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(firstLine(page)).toContainText('<!--');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(firstLine(page)).not.toContainText('<!--');

  // Outside the editor Ctrl+K opens the palette.
  await page.getByRole('region', { name: 'Persona previews' }).getByText('Previews', { exact: true }).click();
  await page.keyboard.press('ControlOrMeta+K');
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');

  // The shortcut list says so.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row').filter({ hasText: /^.*Command palette$/ })).toContainText('F1 or Ctrl+Shift+P');
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Command palette, outside the editor' })).toContainText('Ctrl+K');
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Editor: comment the selected lines' })).toContainText('Ctrl+K Ctrl+C');
});
