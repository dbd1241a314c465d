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

async function typeTemplate(page: Page, word: string) {
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(template(word));
  await expect(frames(page)).toHaveCount(6);
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
