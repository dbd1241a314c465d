import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Lines 1–7; the tests type below line 4. No token lacks a fallback, so the only markers are the ones each step makes. */
const TEMPLATE = `<mjml>
<mj-body>
<mj-section><mj-column>
<mj-text>Hi {{ first_name | default: "there" }}</mj-text>
</mj-column></mj-section>
</mj-body>
</mjml>`;

// Wide enough that no line wraps: End and the arrows then move by lines of the source.
test.use({ viewport: { width: 1920, height: 1000 } });

const lines = (page: Page) => page.locator('.editor-host .monaco-editor .view-lines');

/** Create the template through the studio's own HTTP API (typed text would be auto-indented and auto-closed), then open it. */
async function openTemplate(page: Page, request: APIRequestContext, studioUrl: string, name: string) {
  const url = new URL(studioUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const response = await request.post(`${url.origin}/api/templates.create`, {
    headers: { 'x-tailor-token': token },
    data: { name, source: TEMPLATE },
  });
  expect(response.ok()).toBe(true);
  await page.goto(studioUrl);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await expect(lines(page)).toContainText('<mj-text>Hi {{ first_name');
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  await page.locator('.editor-host .monaco-editor').click();
}

/** Put the cursor at the end of `line` (1-based). */
async function toLineEnd(page: Page, line: number) {
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

test('language services: completion with fill rate, hover with samples, a fallback quick fix, a broken tag marked on its line', async ({
  page,
  studio,
  request,
}) => {
  await openTemplate(page, request, studio.url, 'Language test');

  // Typing `{{ fi` offers first_name with its type, fill rate and samples.
  await toLineEnd(page, 4);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('<mj-text>Dear ');
  await page.keyboard.type('{{ fi');
  const suggest = page.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toBeVisible();
  const firstName = suggest.getByRole('option', { name: /first_name/ }).first();
  await expect(firstName).toContainText(/text · \d{1,2}% filled · e\.g\. /);
  await studio.shot(page, 'language-01-completion');
  await page.keyboard.press('Enter');
  await expect(lines(page)).toContainText('<mj-text>Dear {{ first_name }}');
  await page.keyboard.press('End');
  await page.keyboard.insertText('</mj-text>');

  // Hovering the token shows its fill rate and sample values.
  // The editor marks Liquid output with a decoration: hover the new token's.
  const token = lines(page).locator('span.liquid-output', { hasText: 'first_name' }).last();
  await token.hover();
  const hover = page.locator('.monaco-hover:visible');
  await expect(hover).toContainText(/first_name — \d{1,2}% filled; e\.g\. \w+/);
  // The same token lacks a fallback while some customers have no first name: a warning says so.
  await expect(hover).toContainText('Add a fallback');
  await studio.shot(page, 'language-02-hover');
  await page.mouse.move(0, 0);

  // The quick fix adds the fallback.
  await token.click();
  await page.keyboard.press('ControlOrMeta+.');
  const fix = page.locator('.action-widget').getByText('Add a fallback: | default: "there"');
  await expect(fix).toBeVisible();
  await studio.shot(page, 'language-03-quick-fix');
  await fix.click();
  // (Monaco wraps long lines and orders line elements as it likes, so text is checked within one line.)
  await expect(lines(page)).toContainText('<mj-text>Dear {{ first_name | default: "there" }}');
  await expect(page.locator('.monaco-editor .squiggly-warning')).toHaveCount(0);

  // A broken tag is marked on its own line (6), with the parser's message.
  await toLineEnd(page, 5);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('{% if first_name %}<mj-text>VIP</mj-text>');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  const widget = page.locator('.marker-widget');
  await expect(widget).toContainText('tag {% if first_name %} not closed');
  await expect(page.locator('.editor-host .monaco-editor .line-numbers.active-line-number')).toHaveText('6');
  await studio.shot(page, 'language-04-broken-tag');
});

test('Insert field works from the keyboard and offers a fallback; format document indents the template', async ({
  page,
  studio,
  request,
}) => {
  await openTemplate(page, request, studio.url, 'Insert field test');
  await toLineEnd(page, 4);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+i');
  const filter = page.getByRole('textbox', { name: 'Filter fields' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('first name');
  await page.keyboard.press('Enter');
  const fallback = page.getByRole('textbox', { name: 'Fallback' });
  await expect(fallback).toBeFocused();
  await expect(fallback).toHaveValue('there');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('friend');
  await expect(page.getByTestId('insert-field-preview')).toHaveText('{{ first_name | default: "friend" }}');
  await studio.shot(page, 'language-05-insert-field');
  await page.keyboard.press('Enter');
  await expect(lines(page)).toContainText('{{ first_name | default: "friend" }}');

  // Format document, from the command palette's registry too: Shift+Alt+F in the editor.
  await page.keyboard.press('Shift+Alt+F');
  // Each rendered line's own text, spaces included (Monaco draws them as no-break spaces).
  const shown = async () => (await lines(page).locator('.view-line').allTextContents()).map((text) => text.replace(/\u00a0/g, ' '));
  await expect.poll(shown).toContain('    <mj-section>');
  await expect.poll(shown).toContain('      <mj-column>');
  await expect.poll(shown).toContain('        {{ first_name | default: "friend" }}');
  await studio.shot(page, 'language-06-formatted');
});

test('writing copy pops up no list of the words already in the email', async ({ page, studio, request }) => {
  await openTemplate(page, request, studio.url, 'Copy test');
  await toLineEnd(page, 4);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('<mj-text>Thanks for shopping with us. ');
  // "sho" starts a word the email already holds ("shopping"): Monaco's word list would offer it.
  await page.keyboard.type('sho', { delay: 60 });
  await page.waitForTimeout(500);
  await expect(page.locator('.monaco-editor .suggest-widget.visible')).toHaveCount(0);
  // Tokens still complete.
  await page.keyboard.type(' {{ fi');
  await expect(
    page
      .locator('.monaco-editor .suggest-widget')
      .getByRole('option', { name: /first_name/ })
      .first(),
  ).toBeVisible();
});
