import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

/**
 * The demo's orders and events end on 2026-10-31, so "in the last 7 days"
 * counts back from an as-of date inside them rather than from today; the
 * demo's activity is sparse enough that this segment is empty at 2026-11-01
 * and has two members at 2026-10-01.
 */
const AS_OF = '2026-10-01';
const SEGMENT = 'Repeat buyers browsing shoes';

/** Replace the whole template with `source`, the way a paste would (no auto-closing braces). */
async function replaceTemplate(page: Page, source: string) {
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(source);
}

test('build "bought ≥ 2 times in 90 days AND viewed shoes in the last 7 days", see its count, use it in a template, preview its first member', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await goTo(page, 'Segments');
  await page.getByRole('button', { name: '+ New segment' }).click();
  await page.getByRole('textbox', { name: 'Segment name' }).fill(SEGMENT);
  await page.getByLabel('As-of date').fill(AS_OF);

  // Orders: at least 2 orders in the last 90 days.
  await page.getByRole('combobox', { name: 'Condition type 1' }).selectOption('orders');
  await page.getByRole('combobox', { name: 'Order measure 1' }).selectOption('count');
  await page.getByRole('combobox', { name: 'Operator 1' }).selectOption('gte');
  await page.getByRole('textbox', { name: 'Value 1' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Order window days 1' }).fill('90');

  // AND events: viewed a product in category Shoes in the last 7 days.
  await page.getByRole('button', { name: 'Add condition to group 1' }).click();
  await page.getByRole('combobox', { name: 'Condition type 2' }).selectOption('events');
  await page.getByRole('combobox', { name: 'Did or did not 2' }).selectOption('did');
  await page.getByRole('combobox', { name: 'Event type 2' }).selectOption('product_view');
  await page.getByRole('combobox', { name: 'Event category 2' }).selectOption('Shoes');
  await page.getByRole('spinbutton', { name: 'Event window days 2' }).fill('7');
  await expect(page.getByTestId('condition-problem')).toHaveCount(0);

  // The live count and the first members come from the engine.
  const count = page.getByTestId('segment-count');
  await expect(count).toHaveAttribute('data-stale', 'false');
  await expect(count).toHaveText(/^[1-9][\d,]*$/);
  await expect(page.getByTestId('count-error')).toHaveCount(0);
  const members = page.getByRole('table', { name: 'First members' });
  await expect(members.getByRole('row').first()).toBeVisible();
  const firstMember = (await members.getByRole('row').first().getByRole('button').innerText()).trim();
  await studio.shot(page, 'segment-builder-01-rule');
  await page.setViewportSize({ width: 1024, height: 800 });
  await studio.shot(page, 'segment-builder-01-rule-1024');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await studio.shot(page, 'segment-builder-01-rule-1920');
  await page.setViewportSize({ width: 1440, height: 900 });

  // A member opens their details.
  await members.getByRole('button', { name: firstMember }).click();
  const details = page.getByRole('dialog', { name: firstMember });
  await expect(details).toBeVisible();
  await details.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByRole('list', { name: 'Segments' }).getByText(SEGMENT)).toBeVisible();
  await page.getByRole('button', { name: 'Preview as persona' }).click();
  await expect(page.getByText(`“${SEGMENT}” now has a preview in the Studio`)).toBeVisible();

  // A template that shows one line to the segment's members and another to everyone else.
  await goTo(page, 'Studio');
  await page.getByRole('button', { name: 'New template' }).click();
  await replaceTemplate(
    page,
    `<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ first_name }}. {% if customer.segments contains '${SEGMENT}' %}MEMBER-BRANCH{% else %}OTHER-BRANCH{% endif %}</mj-text></mj-column></mj-section></mj-body></mjml>`,
  );
  await expect(page.getByTestId('diagnostics-ok')).toBeVisible();
  const card = page.getByRole('article', { name: `Preview as ${SEGMENT}` });
  await expect(card.getByTestId('persona-customer')).toContainText(firstMember);
  await expect(card.frameLocator('iframe').locator('body')).toContainText('MEMBER-BRANCH');
  await studio.shot(page, 'segment-builder-02-preview');
});

test('a value that does not read as the field type is refused inline and blocks saving', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Segments');
  await page.getByRole('button', { name: '+ New segment' }).click();
  await page.getByRole('textbox', { name: 'Segment name' }).fill('Big spenders');
  await page.getByRole('combobox', { name: 'Field 1' }).selectOption('lifetime_value');
  await page.getByRole('combobox', { name: 'Operator 1' }).selectOption('gt');
  await page.getByRole('textbox', { name: 'Value 1' }).fill('abc');

  const problem = page.getByTestId('condition-problem');
  await expect(problem).toHaveText(/"lifetime_value" is an? (amount|number) field: "abc" is not an? (amount|number)\./);
  await expect(page.getByRole('textbox', { name: 'Value 1' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Save segment' })).toBeDisabled();
  await expect(page.getByTestId('count-note')).toHaveText('Fix the highlighted condition to count');
  await studio.shot(page, 'segment-builder-03-invalid');

  await page.getByRole('textbox', { name: 'Value 1' }).fill('1000');
  await expect(problem).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save segment' })).toBeEnabled();
  await expect(page.getByTestId('segment-count')).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('segment-count')).toHaveText(/^[1-9][\d,]*$/);
});

test('nested groups: OR inside AND, NOT, reachable by keyboard; the draft survives a view switch', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Segments');
  await page.getByRole('button', { name: '+ New segment' }).click();
  await page.getByRole('textbox', { name: 'Segment name' }).fill('Nested');
  await page.getByRole('combobox', { name: 'Field 1' }).selectOption('country');
  await page.getByRole('textbox', { name: 'Value 1' }).fill('US');
  await page.getByRole('button', { name: 'Add group to group 1' }).click();
  const inner = page.getByRole('group', { name: /^Group 2/ });
  await expect(inner.getByRole('button', { name: 'OR', pressed: true })).toBeVisible();
  await inner.getByRole('button', { name: 'Add condition to group 2' }).click();
  await page.getByRole('combobox', { name: 'Condition type 3' }).selectOption('score');
  await page.getByRole('button', { name: 'NOT: exclude customers group 2 matches' }).press('Enter');
  await expect(page.getByRole('button', { name: 'NOT: exclude customers group 2 matches' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: 'Group 2: none of these' })).toBeVisible();

  // Every control is reachable with Tab: from the name box, Tab eventually lands on the last remove button.
  await page.getByRole('textbox', { name: 'Segment name' }).focus();
  const reached = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
  }
  for (const label of ['Condition type 3', 'Score 3', 'Remove condition 3', 'Remove group 2', 'Add condition to group 1', 'As-of date']) {
    expect(reached, label).toContain(label);
  }

  await page.setViewportSize({ width: 1024, height: 800 });
  await studio.shot(page, 'segment-builder-04-nested-1024');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await studio.shot(page, 'segment-builder-05-nested-1920');

  await goTo(page, 'Customers');
  await goTo(page, 'Segments');
  await expect(page.getByRole('textbox', { name: 'Segment name' })).toHaveValue('Nested');
  await expect(page.getByRole('combobox', { name: 'Score 3' })).toBeVisible();
  await expect(page.getByTestId('segment-unsaved')).toBeVisible();
});

test('the overview shows every segment and their overlaps as a labelled matrix', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Segments');
  await page.getByRole('tab', { name: 'Overview' }).click();
  const sizes = page.getByRole('table', { name: 'Segment sizes' });
  await expect(sizes.getByRole('row')).toHaveCount(4);
  await expect(sizes).toContainText('High-value customers');
  const heatmap = page.getByTestId('overlap-heatmap');
  await expect(heatmap).toBeVisible();
  await expect(heatmap).toContainText('High-value customers');
  await heatmap.locator('path').first().waitFor();
  await studio.shot(page, 'segment-builder-06-overview');
});

test('a rule that reaches itself through another segment shows the engine’s refusal in place; a static segment keeps a dated snapshot', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await goTo(page, 'Segments');
  const list = page.getByRole('list', { name: 'Segments' });

  // High-value customers now also requires membership of Lapsed customers…
  await list.getByRole('button', { name: /High-value customers/ }).click();
  await page.getByRole('button', { name: 'Add condition to group 1' }).click();
  await page.getByRole('combobox', { name: 'Condition type 2' }).selectOption('segment');
  await page.getByRole('combobox', { name: 'Segment 2' }).selectOption({ label: 'Lapsed customers' });
  await expect(page.getByTestId('segment-count')).toHaveAttribute('data-stale', 'false');
  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByTestId('segment-unsaved')).toHaveCount(0);

  // …so Lapsed customers may not require High-value customers.
  await list.getByRole('button', { name: /Lapsed customers/ }).click();
  await page.getByRole('button', { name: 'Add condition to group 1' }).click();
  await page.getByRole('combobox', { name: 'Condition type 4' }).selectOption('segment');
  await page.getByRole('combobox', { name: 'Segment 4' }).selectOption({ label: 'High-value customers' });
  await expect(page.getByTestId('count-error')).toContainText('Segments cannot refer to each other in a circle');
  await expect(page.getByTestId('count-note')).toHaveText('Refused');
  await studio.shot(page, 'segment-builder-07-cycle');

  // A static segment: saving takes its snapshot, Refresh takes it again.
  await page.getByRole('button', { name: 'Remove condition 4' }).click();
  await page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: 'Static' }).click();
  await expect(page.getByText('saving takes its snapshot')).toBeVisible();
  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByTestId('snapshot-date')).toContainText('snapshot of');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText(/Refreshed “Lapsed customers”/)).toBeVisible();
  await studio.shot(page, 'segment-builder-08-static');
});
