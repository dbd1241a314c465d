import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A new render result reaches the six persona frames a few per animation frame, never all in one task
 * (renderer/features/studio/paint-queue.ts): six emails prepared and merged at once made the main-thread
 * stalls designers felt while typing. Counted, not timed: which frame each frame's update happened in.
 * The frames change their documents in place (previews/LiveFrame.tsx) and announce each one shown.
 */
const template = (word: string, more = '') => `<mjml>
<mj-body>
<mj-section><mj-column>
<mj-text>Hi {{ first_name | default: "there" }}, ${word}</mj-text>${more}
</mj-column></mj-section>
</mj-body>
</mjml>`;

const frames = (page: Page) => page.locator('iframe[title^="Email as"]');
const UPDATED = 'tailor:frame-updated';

async function typeTemplate(page: Page, word: string, personas = 6, more = '') {
  await page.locator('.editor-host .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(template(word, more));
  await expect(frames(page)).toHaveCount(personas);
  for (const frame of await frames(page).all()) await expect(frame.contentFrame().locator('body')).toContainText(word);
}

test('a render result updates the six preview frames at most three per animation frame, each once, in place', async ({ page, studio }) => {
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

  // Number the animation frames, and note the frame of every update, and how it was made.
  await page.evaluate((updated) => {
    const state = { frame: 0, swaps: [] as { frame: number; how: string }[], srcdocs: 0 };
    (window as unknown as { swaps: typeof state }).swaps = state;
    const tick = () => {
      state.frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    document.addEventListener(
      updated,
      (event) => {
        if (event.target instanceof HTMLIFrameElement && event.target.title.startsWith('Email as'))
          state.swaps.push({ frame: state.frame, how: (event as CustomEvent<{ how: string }>).detail.how });
      },
      true,
    );
    new MutationObserver(() => state.srcdocs++).observe(document.body, { subtree: true, attributeFilter: ['srcdoc'] });
  }, UPDATED);
  // A new block, not just new copy: every frame's document is prepared again and merged.
  await typeTemplate(page, 'after', 6, '\n<mj-button>Shop now</mj-button>');

  const { swaps, srcdocs } = await page.evaluate(
    () => (window as unknown as { swaps: { swaps: { frame: number; how: string }[]; srcdocs: number } }).swaps,
  );
  expect(swaps).toHaveLength(6);
  // Changed in place: no frame loaded a new document.
  expect(swaps.map((swap) => swap.how)).toEqual(Array(6).fill('morph'));
  expect(srcdocs).toBe(0);
  const perFrame = new Map<number, number>();
  for (const { frame } of swaps) perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
  expect(Math.max(...perFrame.values())).toBeLessThanOrEqual(3);
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
  await page.evaluate((updated) => {
    const seen: string[] = [];
    const hows: string[] = [];
    Object.assign(window, { seen, hows });
    document.addEventListener(
      updated,
      (event) => {
        const { document: doc, how } = (event as CustomEvent<{ document: string; how: string }>).detail;
        if (event.target instanceof HTMLIFrameElement && event.target.title.startsWith('Email as')) hows.push(how);
        if (event.target !== document.querySelector('iframe[title^="Email as"]')) return;
        seen.push(/start([a-z]*)/.exec(doc)?.[1] ?? '');
      },
      true,
    );
  }, UPDATED);
  // One key every 60 ms on the clock (a key's own round trip is not added to the gap, as `type`'s delay would).
  const started = Date.now();
  for (const [i, key] of [...'abcdefghijklmnopqrstuvwxyzabcdefghijklmn'].entries()) {
    await page.waitForTimeout(Math.max(0, started + i * 60 - Date.now()));
    await page.keyboard.press(key);
  }
  // Read before the end of typing has had a chance to render: only updates made mid-burst count.
  const during = await page.evaluate(() => [...new Set((window as unknown as { seen: string[] }).seen)]);
  // Each typed letter changed one text node of the frame, without preparing or merging its whole email again.
  expect(await page.evaluate(() => (window as unknown as { hows: string[] }).hows)).toEqual(expect.arrayContaining(['text']));
  expect(await page.evaluate(() => (window as unknown as { hows: string[] }).hows)).not.toContain('morph');
  // A debounce longer than the key interval would show nothing new until typing stopped.
  expect(during.filter((typed) => typed.length > 0 && typed.length < 40).length).toBeGreaterThanOrEqual(2);
});
