import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A new render result reaches the six persona frames a couple per animation frame, never all in one task
 * (renderer/features/studio/paint-queue.ts): six emails prepared and laid out at once made the main-thread
 * stalls designers felt while typing. Counted, not timed: which frame each srcdoc swap happened in.
 */
const template = (word: string) => `<mjml>
<mj-body>
<mj-section><mj-column>
<mj-text>Hi {{ first_name | default: "there" }}, ${word}</mj-text>
</mj-column></mj-section>
</mj-body>
</mjml>`;

const frames = (page: Page) => page.locator('iframe[title^="Email as"]');

async function typeTemplate(page: Page, word: string, personas = 6) {
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(template(word));
  await expect(frames(page)).toHaveCount(personas);
  for (const frame of await frames(page).all()) await expect(frame).toHaveAttribute('srcdoc', new RegExp(word));
}

test('a render result swaps the six preview frames at most two per animation frame, each once', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(frames(page)).toHaveCount(3);
  await page.evaluate(async () => {
    const headers = { 'content-type': 'application/json', 'x-tailor-token': sessionStorage.getItem('tailor.token')! };
    for (const customerId of ['C10001', 'C10002', 'C10003'])
      await fetch('/api/personas.save', {
        method: 'POST',
        headers,
        body: JSON.stringify({ label: `Customer ${customerId}`, source: { kind: 'customer', customerId } }),
      });
  });
  await page.reload();
  await typeTemplate(page, 'before');

  // Number the animation frames, and note the frame of every srcdoc swap.
  await page.evaluate(() => {
    const state = { frame: 0, swaps: [] as number[] };
    (window as unknown as { swaps: typeof state }).swaps = state;
    const tick = () => {
      state.frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver((records) => {
      for (const record of records)
        if (record.target instanceof HTMLIFrameElement && record.target.title.startsWith('Email as')) state.swaps.push(state.frame);
    }).observe(document.body, { subtree: true, attributeFilter: ['srcdoc'] });
  });
  await typeTemplate(page, 'after');

  const swaps = await page.evaluate(() => (window as unknown as { swaps: { swaps: number[] } }).swaps.swaps);
  expect(swaps).toHaveLength(6);
  const perFrame = new Map<number, number>();
  for (const frame of swaps) perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
  expect(Math.max(...perFrame.values())).toBeLessThanOrEqual(2);
  await studio.shot(page, 'preview-paints-1440');
});

test('previews follow typing: frames take new text while a designer is still typing at 60 ms per key', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(frames(page)).toHaveCount(3);
  await typeTemplate(page, 'start', 3);
  // The cursor after "start" (found as a designer would), so every key adds a letter to the greeting.
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText('start');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      const doc = document.querySelector<HTMLIFrameElement>('iframe[title^="Email as"]')?.srcdoc ?? '';
      seen.push(/start([a-z]*)/.exec(doc)?.[1] ?? '');
    }).observe(document.body, { subtree: true, attributeFilter: ['srcdoc'] });
  });
  // One key every 60 ms on the clock (a key's own round trip is not added to the gap, as `type`'s delay would).
  const started = Date.now();
  for (const [i, key] of [...'abcdefghijklmnopqrstuvwxyzabcdefghijklmn'].entries()) {
    await page.waitForTimeout(Math.max(0, started + i * 60 - Date.now()));
    await page.keyboard.press(key);
  }
  // Read before the end of typing has had a chance to render: only updates made mid-burst count.
  const during = await page.evaluate(() => [...new Set((window as unknown as { seen: string[] }).seen)]);
  // A debounce longer than the key interval would show nothing new until typing stopped.
  expect(during.filter((typed) => typed.length > 0 && typed.length < 40).length).toBeGreaterThanOrEqual(2);
});
