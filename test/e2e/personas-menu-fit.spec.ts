import { expect, test } from './fixtures';

/**
 * The Personas menu hangs from its button near the middle of the previews
 * pane's toolbar. At 1024 px the pane is about 440 px wide, and the menu
 * (360 px, right-aligned to the button) ran off the pane's left edge, where
 * the editor pane covered it: labels read "tomer", "ier". It now stays inside
 * the pane at any width the pane can take.
 */
for (const width of [1024, 1440]) {
  test(`the Personas menu stays inside the previews pane at ${width} px`, async ({ page, studio }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(studio.url);
    const pane = page.getByRole('region', { name: 'Persona previews' });
    await pane.getByRole('button', { name: /^Personas/ }).click();
    const menu = page.getByRole('menu', { name: 'Personas' });
    await expect(menu.getByTestId('persona-row')).toHaveCount(3);
    const [paneBox, menuBox] = [await pane.boundingBox(), await menu.boundingBox()];
    expect(paneBox && menuBox).toBeTruthy();
    expect(menuBox!.x).toBeGreaterThanOrEqual(paneBox!.x);
    expect(menuBox!.x + menuBox!.width).toBeLessThanOrEqual(paneBox!.x + paneBox!.width);
    // The row's label is the topmost element at its own position: nothing covers it.
    const label = menu.getByText('High-value customer');
    const box = (await label.boundingBox())!;
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.textContent ?? '',
      [box.x + 4, box.y + box.height / 2],
    );
    expect(onTop).toContain('High-value customer');
    await studio.shot(page, `personas-menu-${width}`);
  });
}
