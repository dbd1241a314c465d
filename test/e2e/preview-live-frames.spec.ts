import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * Preview frames change their documents in place as the template changes
 * (renderer/features/studio/previews/LiveFrame.tsx) instead of loading each
 * render: a designer reading the bottom of a long email keeps their place
 * while typing, and a frame a link has navigated away gets the preview back
 * rather than having the email written into whatever page it now shows.
 */

const longEmail = (version: string) =>
  `<html><head><title>Long</title></head><body>
<div style="height: 3000px">The top of a long email</div>
<p id="end">End ${version} for {{ first_name | default: "you" }}</p>
<a id="away" href="./" target="_self">Leave</a>
</body></html>`;

async function setTemplate(page: Page, source: string): Promise<void> {
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(source);
}

/** The first card's frame element, for what only the studio can read about it (same-origin sandbox). */
const firstFrame = (page: Page): Locator => page.getByTestId('preview-card').first().locator('iframe');

test('a preview keeps its scroll position while the template changes, and a frame navigated away gets the preview back', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByRole('textbox', { name: 'Template name' }).fill('Long email');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /Long email/ })).toBeVisible();

  await setTemplate(page, longEmail('v1'));
  const frame = firstFrame(page);
  await expect(frame.contentFrame().locator('#end')).toContainText('End v1');

  // The designer scrolls the first preview to the end of the email, then goes on typing.
  await frame.evaluate((element: HTMLIFrameElement) => element.contentWindow!.scrollTo(0, 2000));
  const scrolled = await frame.evaluate((element: HTMLIFrameElement) => element.contentWindow!.scrollY);
  expect(scrolled).toBeGreaterThan(1000);
  await setTemplate(page, longEmail('v2'));
  await expect(frame.contentFrame().locator('#end')).toContainText('End v2');
  expect(await frame.evaluate((element: HTMLIFrameElement) => element.contentWindow!.scrollY)).toBe(scrolled);
  await studio.shot(page, 'preview-live-frames-scrolled');

  // A link with target=_self takes the frame to another page (here the studio's own, where nothing runs). The
  // frame notices on that page's load and loads the preview again: it shows the email, not the page.
  await page.evaluate(() => {
    const state = { loads: 0 };
    (window as unknown as { reloads: typeof state }).reloads = state;
    const element = document.querySelector('[data-testid="preview-card"] iframe')!;
    element.addEventListener('tailor:frame-updated', (event) => {
      if ((event as CustomEvent<{ how: string }>).detail.how === 'load') state.loads++;
    });
  });
  await frame.contentFrame().locator('#away').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { reloads: { loads: number } }).reloads.loads)).toBe(1);
  await expect(frame.contentFrame().locator('#end')).toContainText('End v2');

  // And it goes on following the template in place, with the preview's policy first in its head.
  await setTemplate(page, longEmail('v3'));
  await expect(frame.contentFrame().locator('#end')).toContainText('End v3');
  const shown = await frame.evaluate((element: HTMLIFrameElement) => {
    const doc = element.contentDocument!;
    const first = doc.head.firstElementChild;
    return { url: doc.URL, policy: first?.getAttribute('http-equiv') ?? null };
  });
  expect(shown).toEqual({ url: 'about:srcdoc', policy: 'Content-Security-Policy' });
  expect(await page.evaluate(() => (window as unknown as { reloads: { loads: number } }).reloads.loads)).toBe(1);
});
