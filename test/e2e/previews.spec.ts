import type { ConsoleMessage, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * MJML with what the preview views act on: subject and preheader with a
 * token, a remote image and background, Google fonts (MJML's default), the template's own
 * dark styles, and a block only the high-value persona gets.
 */
const TEMPLATE = `<mjml>
  <mj-head>
    <mj-title>Hello {{ first_name | default: 'there' }}, a note from Linden</mj-title>
    <mj-preview>{{ first_name | default: 'Friend' }}, here is what is new this week at Linden and Loom.</mj-preview>
    <mj-style>
      .hero div { color: #111111 !important; }
      @media (prefers-color-scheme: dark) {
        .hero div { color: #fafafa !important; }
        body { background: #101418 !important; }
      }
    </mj-style>
  </mj-head>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-image src="https://img.example/hero.png" alt="Hero for {{ first_name }}" width="600px" height="200px" />
        <mj-text css-class="hero">Hi {{ first_name }}, welcome back.</mj-text>
        {% if customer.segments contains 'High-value customers' %}
        <mj-text>Your VIP gift is waiting.</mj-text>
        {% endif %}
        <mj-text>See you soon.</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-url="https://img.example/texture.png" background-color="#eeeeee">
      <mj-column><mj-text>Footer</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

// The judged screenshots (focus, compare and dark mode and the inbox row, at 1440 and 1024 px) are taken below:
// previews-{focus,compare,dark,inbox-row}-{1440,1024}.png in test/output/screenshots.

const PREVIEW_TAIL = ', here is what is new this week at Linden and Loom.';

async function useTemplate(page: Page) {
  // Pasted, as a designer brings a template in: typed text would be auto-indented line by line and make the screenshots unreadable.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), TEMPLATE);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByTestId('preview-card').first().frameLocator('iframe').locator('body')).toContainText('See you soon.');
  // Keys below belong to the previews, not the editor.
  await page.getByRole('toolbar', { name: 'Preview options' }).click({ position: { x: 2, y: 2 } });
}

/** The first name a card's email greets, read from the email itself. */
async function greeted(card: Locator): Promise<string> {
  const text = await card.frameLocator('iframe').locator('.hero').innerText();
  return /Hi (.+), welcome back\./.exec(text)![1]!;
}

/**
 * A 1024 px window, once the editor and cards have laid out again (Monaco re-wraps and redraws its decorations a
 * frame or two later). Nothing may reach past the window's right edge: the studio's panels once widened the page
 * by their minimum sizes and cut off the previews' Export button and the cards' right side.
 */
async function narrow(page: Page) {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(250);
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    previews: Math.round(document.querySelector('.preview-pane')!.getBoundingClientRect().right),
  }));
  expect(overflow).toEqual({ page: 1024, previews: 1024 });
}

const frameOf = (card: Locator) => card.frameLocator('iframe');
const cards = (page: Page) => page.getByTestId('preview-card');
const cspErrors = (messages: ConsoleMessage[]) => messages.filter((m) => /Content Security Policy/i.test(m.text()));

test.describe('readable previews', () => {
  test('blocked images are tidy placeholders and log nothing; images off shows alt text', async ({ page, studio }) => {
    const messages: ConsoleMessage[] = [];
    page.on('console', (message) => messages.push(message));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(studio.url);
    await expect(cards(page)).toHaveCount(3);
    await useTemplate(page);
    const first = cards(page).first();
    const name = await greeted(first);
    const hero = frameOf(first).locator('img').first();
    await expect(hero).toHaveAttribute('src', /^data:image\/svg\+xml/);
    expect(decodeURIComponent((await hero.getAttribute('src'))!)).toContain(`Hero for ${name} (image blocked)`);
    await expect(first.getByTestId('remote-blocked')).toHaveText('1 remote image blocked');
    // Several renders of three personas with a remote image and remote fonts: not one refused load logged.
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n');
    await page.keyboard.insertText('\n');
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 15_000 });
    expect(cspErrors(messages)).toEqual([]);
    await studio.shot(page, 'previews-blocked-images-1440');

    await page.getByRole('toolbar', { name: 'Preview options' }).getByLabel('Images off').check();
    await expect(hero).toHaveAttribute('src', /^data:image\/svg\+xml/);
    expect(decodeURIComponent((await hero.getAttribute('src'))!)).toContain(`>Hero for ${name}<`);
    await expect(first.getByTestId('remote-blocked')).toHaveCount(0);
    // And with remote images loading allowed, images off still wins.
    await page.getByLabel('Load remote images').check();
    await expect(frameOf(first).locator('img').first()).toHaveAttribute('src', /^data:image\/svg\+xml/);
    await studio.shot(page, 'previews-images-off-1440');
    // Alt+I turns them back on.
    await page.keyboard.press('Alt+KeyI');
    await expect(page.getByLabel('Images off')).not.toBeChecked();
  });

  test('inbox row: subject and preheader rendered per persona, with the preheader visible length', async ({ page, studio }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(studio.url);
    await useTemplate(page);
    for (let i = 0; i < 3; i++) {
      const card = cards(page).nth(i);
      const name = await greeted(card);
      await expect(card.getByTestId('inbox-subject')).toHaveText(`Hello ${name}, a note from Linden`);
      await expect(card.getByTestId('inbox-preheader')).toHaveText(` — ${name}${PREVIEW_TAIL}`);
      await expect(card.getByTestId('preheader-length')).toHaveText(`${[...`${name}${PREVIEW_TAIL}`].length} characters visible`);
    }
    await studio.shot(page, 'previews-inbox-row-1440');
    await narrow(page);
    await expect(cards(page).first().getByTestId('inbox-subject')).toBeVisible();
    await studio.shot(page, 'previews-inbox-row-1024');
  });

  test('zoom fit / 50 / 75 / 100 and widths 320 / 375 / 600 / 800, by button and by key', async ({ page, studio }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(studio.url);
    await expect(cards(page)).toHaveCount(3);
    const frame = cards(page).first().locator('iframe');
    const zoom = page.getByRole('group', { name: 'Zoom' });
    await zoom.getByRole('button', { name: '100%' }).click();
    await expect(frame).toHaveAttribute('data-scale', '1.000');
    await expect(frame).toHaveCSS('width', '600px');
    // At 100% a 600 px email is shown whole: the card is as wide as the email.
    const box = (await cards(page).first().getByTestId('inbox-row').boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(600);
    await zoom.getByRole('button', { name: '50%' }).click();
    await expect(frame).toHaveAttribute('data-scale', '0.500');
    await page.keyboard.press('Alt+Digit7');
    await expect(frame).toHaveAttribute('data-scale', '0.750');
    await expect(zoom.getByRole('button', { name: '75%' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Alt+Digit0');
    await expect(zoom.getByRole('button', { name: 'Fit' })).toHaveAttribute('aria-pressed', 'true');

    const widths = page.getByRole('group', { name: 'Preview width' });
    await widths.getByRole('button', { name: '320 px (small phone)' }).click();
    await expect(frame).toHaveCSS('width', '320px');
    await widths.getByRole('button', { name: '375 px (phone)' }).click();
    await expect(frame).toHaveCSS('width', '375px');
    await page.keyboard.press('Alt+Shift+Digit4');
    await expect(frame).toHaveCSS('width', '800px');
    await expect(widths.getByRole('button', { name: '800 px (wide desktop)' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Alt+Shift+Digit3');
    await expect(frame).toHaveCSS('width', '600px');

    // The keys are shown where the actions are.
    await expect(zoom.getByRole('button', { name: 'Fit' })).toHaveAttribute('title', /\(Alt\+0\)$/);
    await expect(widths.getByRole('button', { name: '800 px (wide desktop)' })).toHaveAttribute('title', /\(Alt\+Shift\+4\)$/);
    // The choice is remembered.
    await widths.getByRole('button', { name: '375 px (phone)' }).click();
    await page.reload();
    await expect(frame).toHaveCSS('width', '375px');
  });

  test('focus mode: one large preview, a persona strip, left and right keys', async ({ page, studio }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(studio.url);
    await useTemplate(page);
    const labels = await cards(page).evaluateAll((all) => all.map((card) => card.getAttribute('aria-label')));
    await page.keyboard.press('Alt+KeyF');
    await expect(cards(page)).toHaveCount(1);
    const strip = page.getByRole('tablist', { name: 'Personas' });
    await expect(strip.getByRole('tab')).toHaveCount(3);
    await expect(strip.getByRole('tab').first()).toHaveAttribute('aria-selected', 'true');
    await expect(cards(page)).toHaveAttribute('aria-label', labels[0]!);
    // The one preview is large: it takes the pane's width.
    const pane = (await page.getByTestId('preview-grid').boundingBox())!;
    expect((await cards(page).boundingBox())!.width).toBeGreaterThan(pane.width - 40);
    await studio.shot(page, 'previews-focus-1440');
    await page.keyboard.press('ArrowRight');
    await expect(cards(page)).toHaveAttribute('aria-label', labels[1]!);
    await expect(strip.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // Wraps round to the last persona.
    await expect(cards(page)).toHaveAttribute('aria-label', labels[2]!);
    // Arrow keys typed in the editor stay the editor's.
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ArrowLeft');
    await expect(cards(page)).toHaveAttribute('aria-label', labels[2]!);
    await strip.getByRole('tab').first().click();
    await expect(cards(page)).toHaveAttribute('aria-label', labels[0]!);
    await narrow(page);
    await expect(strip.getByRole('tab').nth(2)).toBeVisible();
    await studio.shot(page, 'previews-focus-1024');
    await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Grid' }).click();
    await expect(cards(page)).toHaveCount(3);
  });

  test('compare mode marks token text and the block only one persona gets', async ({ page, studio }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(studio.url);
    await useTemplate(page);
    await page.keyboard.press('Alt+KeyC');
    await expect(page.getByLabel('Compare')).toBeChecked();
    const vip = cards(page).filter({ hasText: 'High-value' });
    const others = cards(page).filter({ hasNotText: 'High-value' });
    await expect(others).toHaveCount(2);
    const name = await greeted(vip);
    await expect(frameOf(vip).locator('mark[data-tailor-token="first_name"]').first()).toHaveText(name);
    await expect(frameOf(vip).locator('[data-tailor-diff="block"]')).toContainText(['Your VIP gift is waiting.']);
    await expect(vip.getByTestId('compare-only-here')).toBeVisible();
    for (const card of await others.all()) {
      await expect(frameOf(card).locator('mark[data-tailor-token="first_name"]').first()).toHaveText(await greeted(card));
      await expect(frameOf(card).getByText('Your VIP gift is waiting.')).toHaveCount(0);
      await expect(card.getByTestId('compare-missing-here')).toHaveText('1 missing here');
      // The block every persona has is not outlined.
      await expect(frameOf(card).locator('[data-tailor-diff="block"]').filter({ hasText: 'See you soon.' })).toHaveCount(0);
    }
    await studio.shot(page, 'previews-compare-1440');
    await narrow(page);
    await studio.shot(page, 'previews-compare-1024');
  });

  test('dark mode: the template’s own dark styles, partial and full inversion', async ({ page, studio }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(studio.url);
    await useTemplate(page);
    const frame = frameOf(cards(page).first());
    const hero = frame.locator('.hero div');
    await expect(hero).toHaveCSS('color', 'rgb(17, 17, 17)');
    const appearance = page.getByLabel('Appearance');
    await appearance.selectOption({ label: 'Dark (own styles)' });
    await expect(hero).toHaveCSS('color', 'rgb(250, 250, 250)');
    await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(16, 20, 24)');
    await studio.shot(page, 'previews-dark-1440');
    await narrow(page);
    await studio.shot(page, 'previews-dark-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    // Alt+D moves on to partial inversion (Gmail's Android app, Outlook.com): dark text turns light and light
    // backgrounds dark, through the template's own style sheet and inline styles; its dark styles do not apply.
    await page.keyboard.press('Alt+KeyD');
    await expect(appearance).toHaveValue('partial');
    await expect(hero).not.toHaveCSS('color', 'rgb(17, 17, 17)');
    const heroColor = await hero.evaluate((element) => getComputedStyle(element).color);
    expect(Number(/\d+/.exec(heroColor)![0])).toBeGreaterThan(200);
    const footerBackground = await frame.getByText('Footer').evaluate((element) => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const background = getComputedStyle(node).backgroundColor;
        if (background !== 'rgba(0, 0, 0, 0)') return background;
      }
      return '';
    });
    // #eeeeee, darkened.
    expect(Number(/\d+/.exec(footerBackground)![0])).toBeLessThan(60);
    await studio.shot(page, 'previews-partial-1440');
    // Then full inversion, which clients force on everything.
    await page.keyboard.press('Alt+KeyD');
    await expect(appearance).toHaveValue('inverted');
    await expect(frame.locator('html')).toHaveCSS('filter', 'invert(1) hue-rotate(180deg)');
    await expect(hero).toHaveCSS('color', 'rgb(17, 17, 17)');
    await expect(frame.locator('img').first()).toHaveCSS('filter', 'invert(1) hue-rotate(180deg)');
    await studio.shot(page, 'previews-inverted-1440');
  });

  test('layout from 1024 px to 4K: every control reachable, card headers aligned', async ({ page, studio }) => {
    await page.goto(studio.url);
    await expect(cards(page)).toHaveCount(3);
    // A long persona label that wraps in its card header.
    await page.evaluate(async () => {
      const headers = { 'content-type': 'application/json', 'x-tailor-token': sessionStorage.getItem('tailor.token')! };
      const call = async (method: string, body: unknown) =>
        ((await (await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(body) })).json()) as { data: unknown }).data;
      const personas = (await call('personas.list', {})) as { id: number; label: string; source: unknown }[];
      const first = personas[0]!;
      await call('personas.save', { id: first.id, label: `${first.label} who bought three times this autumn`, source: first.source });
    });
    await expect(cards(page).first()).toHaveAttribute('aria-label', /this autumn/);

    for (const [width, height] of [
      [1024, 768],
      [1440, 900],
      [3840, 2160],
    ] as const) {
      await page.setViewportSize({ width, height });
      const pane = (await page.getByRole('region', { name: 'Persona previews' }).boundingBox())!;
      const controls = page
        .getByRole('region', { name: 'Persona previews' })
        .locator('.pane-toolbar button, .preview-toolbar button, .preview-toolbar input, .preview-toolbar select');
      for (const control of await controls.all()) {
        const box = (await control.boundingBox())!;
        expect(box.x, `${(await control.getAttribute('aria-label')) ?? (await control.innerText())} at ${width}px`).toBeGreaterThanOrEqual(
          pane.x,
        );
        expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
      }
      for (const card of await cards(page).all()) {
        for (const button of await card.getByRole('button').all()) {
          const box = (await button.boundingBox())!;
          const cardBox = (await card.boundingBox())!;
          expect(box.x + box.width, `card button at ${width}px`).toBeLessThanOrEqual(cardBox.x + cardBox.width + 0.5);
        }
      }
      // Cards side by side start their inbox rows (and emails) at the same height, however their labels wrap.
      const tops = await cards(page).evaluateAll((all) =>
        all.map((card) => ({ y: card.getBoundingClientRect().top, inbox: card.querySelector('.inbox-row')!.getBoundingClientRect().top })),
      );
      const rows = new Map<number, Set<number>>();
      for (const top of tops) rows.set(Math.round(top.y), (rows.get(Math.round(top.y)) ?? new Set()).add(Math.round(top.inbox)));
      for (const inboxTops of rows.values()) expect(inboxTops.size).toBe(1);
      await studio.shot(page, `previews-layout-${width}`);
    }
    // At 4K all three personas sit side by side.
    const ys = await cards(page).evaluateAll((all) => all.map((card) => Math.round(card.getBoundingClientRect().top)));
    expect(new Set(ys).size).toBe(1);
  });
});
