import type { Page } from '@playwright/test';
import { apiCall } from './api-call';
import { expect, test } from './fixtures';

/**
 * The same template open in two windows: each editor owns its own text, so
 * the second window's autosave replaces what the first one saved. That is
 * allowed (the last save wins), but the first window's text must not vanish:
 * it stays in the template's history, and the second window is told.
 */

interface Template {
  id: number;
  source: string;
}

const SOURCE = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>
          Dear {{ first_name | default: 'friend' }},
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

async function typeAtGreeting(page: Page, text: string) {
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.insertText(text);
}

test('two windows on one template: the first window’s edit stays in the history, and the second is told', async ({
  page,
  studio,
  request,
}) => {
  const created = await apiCall<Template>(request, studio.url, 'templates.create', { name: 'Two windows', source: SOURCE });
  const other = await page.context().newPage();
  for (const window of [page, other]) {
    await window.goto(studio.url);
    await window.getByRole('option', { name: /Two windows/ }).click();
    await expect(window.locator('.editor-host .monaco-editor .view-lines')).toContainText('Dear {{ first_name');
  }

  await typeAtGreeting(page, ' From window A.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect
    .poll(async () => (await apiCall<Template>(request, studio.url, 'templates.get', { id: created.id })).source)
    .toContain('From window A.');

  await typeAtGreeting(other, ' From window B.');
  await expect(other.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect(other.getByText(/changed in another window/)).toBeVisible();
  await studio.shot(other, 'editor-two-windows-notice');

  const versions = await apiCall<{ id: number }[]>(request, studio.url, 'templates.versions', { id: created.id });
  const texts = await Promise.all(
    versions.map(async (version) => (await apiCall<Template>(request, studio.url, 'templates.version', { versionId: version.id })).source),
  );
  expect(texts.some((text) => text.includes('From window A.') && !text.includes('From window B.'))).toBe(true);
  expect(texts[0]).toContain('From window B.');
  await expect(other.getByText('No problems')).toBeVisible();
});
