import type { Page } from '@playwright/test';
import { apiCall } from './api-call';
import { expect, test } from './fixtures';

/**
 * The editor never loses work: each test reproduces a way work was lost
 * (issue 5) and checks what the workspace actually stored, through the API.
 */

interface Template {
  id: number;
  name: string;
  source: string;
}

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
const editorLines = (page: Page) => page.locator('.editor-host .monaco-editor .view-lines');

/** Put the cursor at the end of the greeting line of TYPING_SOURCE. */
async function toGreetingEnd(page: Page) {
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

/** A small deterministic generator (mulberry32), so a failing run can be replayed exactly. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'autumn',
  'linen',
  'order',
  'fresh',
  'thank',
  'you',
  'for',
  'staying',
  'with',
  'us',
  'your',
  'points',
  'bonus',
  'city',
  'gift',
];

function sentence(random: () => number): string {
  const count = 3 + Math.floor(random() * 3);
  const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

test('undo after switching templates never brings back the other template', async ({ page, studio, request }) => {
  const templates = await apiCall<Template[]>(request, studio.url, 'templates.list');
  const byName = async (name: string) =>
    apiCall<Template>(request, studio.url, 'templates.get', { id: templates.find((t) => t.name === name)!.id });
  const missYou = await byName('We miss you');
  const loyalty = await byName('Loyalty thank-you');

  await page.goto(studio.url);
  await expect(page.getByRole('option', { name: /Loyalty thank-you/ })).toHaveAttribute('aria-selected', 'true');
  await expect(editorLines(page)).toContainText('a reward for you');
  await page.getByRole('option', { name: /We miss you/ }).click();
  await expect(editorLines(page)).toContainText('We miss you, {{ first_name');
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+z');
  // Longer than the autosave delay: whatever undo did would have been stored by now.
  await page.waitForTimeout(2000);
  await expect(editorLines(page)).toContainText('We miss you, {{ first_name');
  await expect(page.getByRole('heading', { name: 'We miss you' })).toBeVisible();
  await studio.shot(page, 'editor-trust-01-undo-after-switch');
  expect((await byName('We miss you')).source).toBe(missYou.source);
  expect((await byName('Loyalty thank-you')).source).toBe(loyalty.source);

  // Each template keeps its own undo stack: an edit made here is undone here, after a round trip.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('SecondThoughts');
  await expect(editorLines(page)).toContainText('SecondThoughts');
  await page.getByRole('option', { name: /Loyalty thank-you/ }).click();
  await expect(editorLines(page)).toContainText('a reward for you');
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+z');
  await page.getByRole('option', { name: /We miss you/ }).click();
  await expect(editorLines(page)).toContainText('SecondThoughts');
  // Back with focus and cursor where they were: the next key lands right after the earlier edit.
  await page.keyboard.type('X');
  await expect(editorLines(page)).toContainText('SecondThoughtsX');
  await page.keyboard.press('ControlOrMeta+z');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editorLines(page)).not.toContainText('SecondThoughts');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect((await byName('We miss you')).source).toBe(missYou.source);
  expect((await byName('Loyalty thank-you')).source).toBe(loyalty.source);
});

const TYPING_SOURCE = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>
          Dear {{ FirstName | default: 'friend' }},
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

test('40 sentences typed at 15–120 ms per key leave exactly the expected source', async ({ page, studio, request }) => {
  test.setTimeout(600_000);
  const created = await apiCall<Template>(request, studio.url, 'templates.create', { name: 'Typing test', source: TYPING_SOURCE });
  await page.goto(studio.url);
  await page.getByRole('option', { name: /Typing test/ }).click();
  await expect(editorLines(page)).toContainText('Dear {{ FirstName');
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  // A designer's laptop busy with previews, not an idle test machine.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 2 });
  // Keys go out on a clock of their own, as from a real keyboard or xdotool, without waiting for the page to
  // finish with the previous one (Playwright's keyboard.type waits, which hides races with rendering).
  const sent: Promise<unknown>[] = [];
  const press = (char: string) => {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: char, text: char, unmodifiedText: char }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char }));
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const random = seeded(5);
  let typed = '';
  for (let n = 0; n < 40; n++) {
    const text = ` ${sentence(random)}`;
    for (const char of text) {
      press(char);
      await sleep(15 + Math.floor(random() * 106));
    }
    typed += text;
    // Between sentences, a pause just long enough for a preview (or, now and then, an autosave) to be sent, so
    // its reply lands while the next sentence is typed: that is when text used to be written back.
    await sleep(n % 4 === 3 ? 1150 + Math.floor(random() * 150) : 200 + Math.floor(random() * 150));
  }
  await Promise.all(sent);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await studio.shot(page, 'editor-trust-02-typed-40-sentences');
  const expected = TYPING_SOURCE.replace("'friend' }},", `'friend' }},${typed}`);
  const stored = await apiCall<Template>(request, studio.url, 'templates.get', { id: created.id });
  expect(stored.source).toBe(expected);
  // The cursor stayed where the typing was: the last line is still the closing tag.
  expect(stored.source.trimEnd().endsWith('</mjml>')).toBe(true);
});

test('a reload 100 ms after the last keystroke keeps the edit', async ({ page, studio, request }) => {
  const created = await apiCall<Template>(request, studio.url, 'templates.create', { name: 'Reload test', source: TYPING_SOURCE });
  await page.goto(studio.url);
  await page.getByRole('option', { name: /Reload test/ }).click();
  await expect(editorLines(page)).toContainText('Dear {{ FirstName');
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(' Kept across a reload.', { delay: 20 });
  await page.waitForTimeout(100);
  await page.reload();
  await expect(page.getByRole('option', { name: /Reload test/ })).toHaveAttribute('aria-selected', 'true');
  await expect(editorLines(page)).toContainText('Kept across a reload.');
  const stored = await apiCall<Template>(request, studio.url, 'templates.get', { id: created.id });
  expect(stored.source).toBe(TYPING_SOURCE.replace("'friend' }},", "'friend' }}, Kept across a reload."));
  await studio.shot(page, 'editor-trust-03-after-reload');
});

test('leaving the page after a failed save asks first', async ({ page, studio, request }) => {
  await apiCall<Template>(request, studio.url, 'templates.create', { name: 'Unsaved test', source: TYPING_SOURCE });
  await page.goto(studio.url);
  await page.getByRole('option', { name: /Unsaved test/ }).click();
  await expect(editorLines(page)).toContainText('Dear {{ FirstName');
  // The workspace refuses the save (a full disk, say).
  await page.route('**/api/templates.save', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The disk is full.' } }),
    }),
  );
  await toGreetingEnd(page);
  await page.keyboard.type(' Not stored yet.');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
  await page.reload({ timeout: 5000 }).catch(() => undefined);
  expect(await Promise.race([asked, new Promise((resolve) => setTimeout(() => resolve('no dialog'), 5000))])).toBe('beforeunload');
  // Staying keeps the text on screen.
  await expect(editorLines(page)).toContainText('Not stored yet.');
});

test('an earlier version is compared and restored from the history, and the restore can be undone', async ({ page, studio, request }) => {
  const created = await apiCall<Template>(request, studio.url, 'templates.create', { name: 'History test', source: TYPING_SOURCE });
  const stored = async () => (await apiCall<Template>(request, studio.url, 'templates.get', { id: created.id })).source;
  await page.goto(studio.url);
  await page.getByRole('option', { name: /History test/ }).click();
  await expect(editorLines(page)).toContainText('Dear {{ FirstName');
  await toGreetingEnd(page);
  await page.keyboard.insertText(' First edit.');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.keyboard.insertText(' Second edit.');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect.poll(stored).toContain('Second edit.');

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'History of “History test”' });
  const versions = dialog.getByRole('listbox', { name: 'Versions' });
  await expect(versions.getByRole('option')).toHaveCount(3);
  await expect(versions.getByRole('option').last()).toContainText('Original text');
  // The keyboard moves through the list; the diff follows.
  await versions.press('End');
  await expect(versions.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByTestId('version-diff').locator('.editor.modified .view-lines')).toContainText('Second edit.');
  await expect(dialog.getByTestId('version-diff').locator('.editor.original .view-lines')).not.toContainText('First edit.');
  await studio.shot(page, 'editor-trust-04-history-diff');
  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog).toBeHidden();
  await expect(editorLines(page)).not.toContainText('First edit.');
  await expect.poll(stored).toBe(TYPING_SOURCE);

  // Restoring is a save of its own: the text it replaced is the version just before it.
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(versions.getByRole('option').first()).toContainText('Restored the version of');
  await versions.getByRole('option').nth(1).click();
  await expect(dialog.getByTestId('version-diff').locator('.editor.original .view-lines')).toContainText('Second edit.');
  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(editorLines(page)).toContainText('First edit. Second edit.');
  await expect.poll(stored).toContain('First edit. Second edit.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
});

test('a deleted template goes to the trash and comes back from it', async ({ page, studio, request }) => {
  const templates = await apiCall<Template[]>(request, studio.url, 'templates.list');
  const id = templates.find((t) => t.name === 'We miss you')!.id;
  const original = await apiCall<Template>(request, studio.url, 'templates.get', { id });
  await page.goto(studio.url);
  await expect(page.getByRole('button', { name: 'Trash', exact: true })).toBeVisible();
  const option = page.getByRole('option', { name: /We miss you/ });
  await option.hover();
  await option.getByRole('button', { name: 'Delete We miss you' }).click();
  await expect(option).toBeHidden();
  expect((await apiCall<Template[]>(request, studio.url, 'templates.list')).map((t) => t.name)).not.toContain('We miss you');

  await page.getByRole('button', { name: 'Trash (1)' }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await expect(trash.getByRole('table', { name: 'Deleted templates' })).toContainText('We miss you');
  await studio.shot(page, 'editor-trust-05-trash');
  await trash.getByRole('button', { name: 'Restore We miss you' }).click();
  await expect(trash).toBeHidden();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(editorLines(page)).toContainText('We miss you, {{ first_name');
  expect((await apiCall<Template>(request, studio.url, 'templates.get', { id })).source).toBe(original.source);
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Trash' })).toContainText('The trash is empty');
});

test('an unsaved segment survives a switch to another view and back', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Segments');
  await page.getByRole('button', { name: '+ New segment' }).first().click();
  await page.getByRole('textbox', { name: 'Segment name' }).fill('Half-built segment');
  await page.getByRole('combobox', { name: 'Field 1' }).selectOption('country');
  await page.getByRole('textbox', { name: 'Value 1' }).fill('DE');
  await expect(page.getByTestId('segment-unsaved')).toBeVisible();

  await goTo(page, 'Studio');
  await expect(page.getByTestId('preview-card').first()).toBeVisible();
  await goTo(page, 'Segments');
  await expect(page.getByRole('textbox', { name: 'Segment name' })).toHaveValue('Half-built segment');
  await expect(page.getByRole('textbox', { name: 'Value 1' })).toHaveValue('DE');
  await expect(page.getByTestId('segment-unsaved')).toBeVisible();
  await studio.shot(page, 'editor-trust-06-segment-draft-kept');

  // Picking another segment asks before dropping the draft; saying no keeps it.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page
    .getByRole('list', { name: 'Segments' })
    .getByRole('button', { name: /High-value customers/ })
    .click();
  await expect(page.getByRole('textbox', { name: 'Segment name' })).toHaveValue('Half-built segment');

  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByRole('list', { name: 'Segments' }).getByText('Half-built segment')).toBeVisible();
  await expect(page.getByTestId('segment-unsaved')).toBeHidden();
});
