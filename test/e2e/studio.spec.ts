import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const CSV = path.resolve('test/fixtures/e2e/new-customers.csv');

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

/** Move to the end of the Monaco editor and insert text the way a paste would (no auto-closing braces). */
async function typeAtEnd(page: Page, text: string) {
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(text);
}

test('a new user imports customers, builds a segment, previews three personas, fixes an error and exports', async ({ page, studio }) => {
  await page.goto(studio.url);

  // The studio opens on a starter template with three persona previews.
  await expect(page.getByRole('option', { name: /Loyalty thank-you/ })).toBeVisible();
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  await studio.shot(page, 'journey-01-studio-opens-on-demo');

  // Import a spreadsheet-style CSV (BOM, CRLF, quoted comma and newline, blank line, broken rows).
  await goTo(page, 'Customers');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await page.getByTestId('import-file-input').setInputFiles(CSV);
  await page.getByTestId('wizard-import').click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('rows-imported')).toHaveText('3');
  await expect(page.getByTestId('rows-rejected')).toHaveText('2');
  const rejected = page.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
  await expect(rejected.getByRole('row').nth(2).getByRole('cell').first()).toHaveText('7');
  await studio.shot(page, 'journey-02-import-report');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('textbox', { name: 'Search customers' }).fill('Zoë');
  await page.getByRole('row').filter({ hasText: 'zoe@example.com' }).click();
  const details = page.getByRole('dialog', { name: 'Zoë Quinn, Jr.' });
  await expect(details.getByRole('row').filter({ hasText: '{{ FavoriteColor }}' })).toContainText('teal');
  await expect(details.getByRole('row').filter({ hasText: '{{ City }}' })).toContainText('Zürich');
  await details.getByRole('button', { name: 'Close' }).click();

  // Build a segment on an imported custom attribute and watch the live count.
  await goTo(page, 'Segments');
  await page.getByRole('button', { name: '+ New segment' }).click();
  await page.getByRole('textbox', { name: 'Segment name' }).fill('Swiss customers');
  await page.getByRole('combobox', { name: 'Field 1' }).selectOption('country');
  await page.getByRole('combobox', { name: 'Operator 1' }).selectOption('equals');
  await page.getByRole('textbox', { name: 'Value 1' }).fill('CH');
  await expect(page.getByTestId('segment-count')).toHaveText('1');
  await expect(page.getByRole('table', { name: 'First members' })).toContainText('Zoë Quinn, Jr.');
  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByRole('list', { name: 'Segments' }).getByText('Swiss customers')).toBeVisible();
  await studio.shot(page, 'journey-03-segment');

  // Point the third persona at the new segment, then open a starter template.
  await goTo(page, 'Studio');
  await page.getByRole('option', { name: /Segment offer/ }).click();
  await page.getByTestId('preview-card').nth(2).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Persona label' }).fill('Swiss customer');
  await page.getByRole('combobox', { name: 'Segment' }).selectOption({ label: 'Swiss customers (1)' });
  await page.getByRole('button', { name: 'Save persona' }).click();

  const cards = page.getByTestId('preview-card');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(2).getByTestId('persona-customer')).toContainText('Zoë');
  const names = await cards.getByTestId('persona-customer').allInnerTexts();
  const firstNames = new Set(names.map((name) => name.split(' ')[0]));
  expect(firstNames.size).toBe(3);
  // Each preview shows its own customer's name inside the email itself.
  for (let i = 0; i < 3; i++) {
    const first = names[i]!.split(' ')[0]!;
    await expect(cards.nth(i).frameLocator('iframe').locator('body')).toContainText(first);
  }
  await studio.shot(page, 'journey-04-three-personas');

  // A Liquid syntax error shows as a marker at its line and as a readable message in every preview.
  await typeAtEnd(page, '\n{% if FirstName %}');
  const diagnostics = page.getByTestId('diagnostics');
  await expect(diagnostics).toContainText('not closed');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  await expect(page.getByTestId('preview-problem').first()).toContainText(/Line \d+/);
  await expect(page.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await studio.shot(page, 'journey-05-liquid-error');

  // Fix it: delete the offending line.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  await expect(page.getByTestId('preview-card').first().frameLocator('iframe').locator('body')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // Export: a new folder, named for the template and the time, inside the chosen one.
  const out = path.join(studio.dir, 'exports');
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('textbox', { name: 'Export folder' }).fill(out);
  const folder = await page.getByRole('textbox', { name: 'New folder name' }).inputValue();
  expect(folder).toMatch(/^segment-offer \d{4}-\d{2}-\d{2} \d{2}-\d{2}$/);
  await expect(page.getByRole('dialog')).toContainText(`Creates ${path.join(out, folder)}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible();
  await studio.shot(page, 'journey-06-exported');
  const exported = path.join(out, folder);
  expect(fs.readdirSync(out)).toEqual([folder]);
  expect(fs.existsSync(path.join(exported, 'tailor-export.json'))).toBe(true);
  const compiled = fs.readFileSync(path.join(exported, 'segment-offer.html'), 'utf8');
  expect(compiled).toContain('{{');
  expect(compiled).toMatch(/\{%-?\s*if/);
  const personaFiles = fs.readdirSync(path.join(exported, 'personas'));
  expect(personaFiles).toHaveLength(3);
  expect(
    fs.readFileSync(
      path.join(
        exported,
        'personas',
        personaFiles.find((f) => f.includes('swiss'))!,
      ),
      'utf8',
    ),
  ).toContain('Zoë');

  // Exporting into the same folder again asks before replacing it.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('textbox', { name: 'Export folder' }).fill(out);
  await page.getByRole('textbox', { name: 'New folder name' }).fill(folder);
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
  await studio.shot(page, 'journey-07-replace-export');
  await page.getByRole('button', { name: 'Replace export' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replaced the export in' })).toBeVisible();
  expect(fs.readdirSync(out)).toEqual([folder]);
});

test('previews run no scripts and load no remote images unless allowed', async ({ page, studio }) => {
  let remoteHits = 0;
  await page.route('https://tracker.example/**', (route) => {
    remoteHits++;
    return route.fulfill({ status: 200, contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') });
  });
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByRole('textbox', { name: 'Template name' }).fill('Hostile');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /Hostile/ })).toBeVisible();

  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(
    '<html><head></head><body><h1 id="hello">Hi {{ FirstName }}</h1>' +
      '<img id="pixel" src="https://tracker.example/open.gif?id={{ id }}" width="1" height="1">' +
      '<script>document.getElementById("hello").textContent = "SCRIPT RAN";</script></body></html>',
  );
  const frame = page.getByTestId('preview-card').first().frameLocator('iframe');
  await expect(frame.locator('#hello')).toContainText('Hi ');
  await expect(page.getByTestId('remote-blocked').first()).toBeVisible();
  await page.waitForTimeout(500);
  await expect(frame.locator('#hello')).not.toContainText('SCRIPT RAN');
  expect(remoteHits).toBe(0);
  await studio.shot(page, 'security-remote-images-blocked');

  await page.getByLabel('Load remote images').check();
  await expect.poll(() => remoteHits).toBeGreaterThan(0);
  await expect(frame.locator('#hello')).not.toContainText('SCRIPT RAN');
});

test('a fresh workspace starts empty, fills from a CSV, and the recent list switches back', async ({ page, studio }) => {
  await page.goto(studio.url);
  // An edit made just before switching (before autosave fires) must land in this workspace, not be lost.
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n<!-- edited before switching -->');
  await page.getByRole('button', { name: /^Demo/ }).click();
  await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  await page.getByRole('textbox', { name: 'Workspace file path' }).fill(path.join(studio.dir, 'Fresh start.tailor'));
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('button', { name: /^Fresh start\s+0 customers/ })).toBeVisible();

  // Empty states say what to do next.
  await expect(page.getByText('No templates yet.')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await goTo(page, 'Customers');
  await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
  await studio.shot(page, 'fresh-01-empty-customers');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  await page.getByTestId('import-file-input').setInputFiles(CSV);
  await page.getByTestId('wizard-import').click();
  await expect(page.getByTestId('rows-imported')).toHaveText('3');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('customer-total')).toHaveText('3');

  // A first template, previewed as one specific customer.
  await goTo(page, 'Studio');
  await page.getByRole('button', { name: 'Create a template' }).click();
  await page.getByRole('textbox', { name: 'Template name' }).fill('Welcome');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /Welcome/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add a persona' }).click();
  await page.getByRole('button', { name: 'A specific customer' }).click();
  await page.getByRole('combobox', { name: 'Find a customer' }).fill('zoe@example.com');
  await page.getByRole('option', { name: /zoe@example\.com/ }).click();
  await page.getByRole('textbox', { name: 'Persona label' }).fill('Zoë');
  await page.getByRole('button', { name: 'Save persona' }).click();
  await expect(page.getByTestId('preview-card').first().frameLocator('iframe').locator('body')).toContainText('Hello Zoë');
  await studio.shot(page, 'fresh-02-first-template');

  // A second template from a starter design.
  await page.getByRole('button', { name: 'New from a starter' }).click();
  await page.getByRole('button', { name: 'Start from We miss you' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /We miss you/ })).toBeVisible();
  await expect(page.getByTestId('preview-card').first().frameLocator('iframe').locator('body')).toContainText('Zoë');

  // Back to the demo through the recent list.
  await page.getByRole('button', { name: /^Fresh start/ }).click();
  await page.getByRole('menuitem', { name: /Demo/ }).click();
  await expect(page.getByRole('button', { name: /^Demo\s+3,000 customers/ })).toBeVisible();
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('edited before switching');
});

test('token autocomplete offers fields under their snake_case name (the alias still finds them), and previews switch to mobile width', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('preview-card')).toHaveCount(3);
  await page.getByRole('group', { name: 'Preview width' }).getByRole('button', { name: '375 px (phone)' }).click();
  await expect(page.getByTestId('preview-card').first().locator('iframe')).toHaveCSS('width', '375px');
  await page.getByRole('group', { name: 'Preview width' }).getByRole('button', { name: '600 px (desktop)' }).click();
  await expect(page.getByTestId('preview-card').first().locator('iframe')).toHaveCSS('width', '600px');
  await page.getByTestId('preview-card').first().getByRole('button', { name: 'Expand' }).click();
  const actual = page.getByRole('dialog').locator('iframe');
  await expect(actual).toHaveCSS('width', '600px');
  await expect(actual.contentFrame().locator('body')).toContainText('Jette');
  await studio.shot(page, 'preview-expanded');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  // Text goes in as a paste and suggestions are asked for with Ctrl+Space: typed keys race Monaco on a busy machine.
  const lines = page.locator('.monaco-editor .view-lines');
  const suggestions = page.locator('.monaco-editor .suggest-widget');
  await page.keyboard.insertText('<p>{{ Loyal');
  await expect(lines).toContainText(/\{\{\s+Loyal/);
  await page.keyboard.press('Control+Space');
  // The PascalCase spelling typed still finds the token, offered under its one canonical snake_case name.
  await expect(suggestions).toContainText('loyalty_tier');
  await expect(suggestions).not.toContainText('LoyaltyTier');
  await studio.shot(page, 'autocomplete');
  await page.keyboard.press('Escape');
  await page.keyboard.insertText('ty_ti');
  await expect(lines).toContainText(/Loyalty_ti/);
  await page.keyboard.press('Control+Space');
  await expect(suggestions).toContainText('loyalty_tier');
  await expect(suggestions).not.toContainText('LoyaltyPoints');
  await page.keyboard.press('Enter');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(/\{\{\s+loyalty_tier\s+\}\}/);

  // The field picker inserts a token at the cursor for authors who do not know the names.
  await page.getByRole('button', { name: 'Insert field ▾' }).click();
  await page.getByRole('textbox', { name: 'Filter fields' }).fill('favorite');
  await page.getByRole('menuitem', { name: /Favorite Category/ }).click();
  await page.getByRole('button', { name: 'Without fallback' }).click();
  await expect(lines).toContainText(/\{\{\s+favorite_category\s+\}\}/);
});
