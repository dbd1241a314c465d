import type { Page } from '@playwright/test';
import { apiCall } from './api-call';
import { expect, test } from './fixtures';

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();

test('bulk QA on a demo segment finds the planted missing first names and the branch nobody takes', async ({ page, request, studio }) => {
  // The oracle, from the segment engine rather than any render: Lapsed customers whose first name is empty
  // (the demo leaves about one in twenty blank).
  const segments = await apiCall<{ id: number; name: string; count: number }[]>(request, studio.url, 'segments.list');
  const lapsed = segments.find((s) => s.name === 'Lapsed customers')!;
  const { count: missing } = await apiCall<{ count: number }>(request, studio.url, 'segments.count', {
    rule: {
      kind: 'group',
      combinator: 'and',
      negate: false,
      children: [
        { kind: 'segment', segmentId: lapsed.id, member: true },
        { kind: 'field', field: 'first_name', op: 'is_empty', value: '' },
      ],
    },
  });
  expect(missing).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(studio.url);
  await goTo(page, 'Studio');
  await page.getByRole('option', { name: /Segment offer/ }).click();
  await page.getByRole('button', { name: 'QA', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Bulk QA/ });
  await dialog.getByLabel('Recipients').selectOption({ label: `Lapsed customers (${lapsed.count.toLocaleString('en-US')})` });
  await dialog.getByRole('button', { name: 'Run QA' }).click();
  await expect(dialog.getByTestId('qa-message')).toContainText(`Checked ${lapsed.count.toLocaleString('en-US')} recipients`, {
    timeout: 60_000,
  });

  // The planted missing first names: every one of them fell back to "there", and nobody else did.
  const firstName = dialog.getByRole('region', { name: 'Tokens' }).locator('tr[data-token="first_name"]');
  await expect(firstName.getByRole('cell').nth(3)).toHaveText(String(missing));
  // The branch nobody takes: Lapsed customers spend at most 1,000, so the `ltv > 1000` offer never shows.
  const coverage = dialog.getByRole('region', { name: 'Branch coverage' });
  await expect(coverage.getByText('1 nobody takes')).toBeVisible();
  const untaken = coverage.locator('tr[data-untaken="true"]');
  await expect(untaken).toHaveCount(1);
  await expect(untaken).toContainText('if ltv > 1000');
  await expect(untaken).toContainText('nobody takes it');
  await studio.shot(page, 'bulk-qa-01-report');

  // An example customer opens the preview as them: no first name, so the greeting falls back.
  await firstName.getByRole('button').first().click();
  const preview = page.getByRole('dialog', { name: /Preview as/ });
  await expect(preview.getByTestId('qa-preview-missing')).toContainText('first_name');
  await expect(preview.frameLocator('iframe').getByText('Hello there, a deal picked just for you')).toBeVisible();
  await studio.shot(page, 'bulk-qa-02-preview-as-customer');
  await preview.getByRole('button', { name: 'Close' }).click();

  await page.setViewportSize({ width: 1024, height: 768 });
  await studio.shot(page, 'bulk-qa-03-report-1024');
});

test('one click adds personas from the analysis; a hand-made persona previews as typed', async ({ page, studio }) => {
  await page.goto(studio.url);
  await goTo(page, 'Studio');
  await page.getByRole('button', { name: 'QA', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Bulk QA/ });
  await dialog.getByRole('button', { name: 'Personas from the analysis' }).click();
  await expect(page.getByText(/Added \d+ personas: .*Longest name/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Hand-made persona…' }).click();
  const typed = page.getByRole('dialog', { name: 'Hand-made persona' });
  await typed.getByLabel('Persona name').fill('Typed VIP');
  await typed.getByLabel('Value 1').fill('Zoë');
  await typed.getByRole('button', { name: 'Add persona' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByRole('article', { name: 'Preview as Empty first name' })).toBeVisible();
  const card = page.getByRole('article', { name: 'Preview as Typed VIP' });
  // Rendered as typed: the profile's first name, and every field it leaves out reads as missing.
  await expect(card).toContainText('first_name: Zoë', { timeout: 30_000 });
  await expect(card).toContainText('favorite_category: ∅ missing');
  // Editing it opens the profile again, not the customer-or-segment dialog (which would turn it into a segment persona).
  await card.getByRole('button', { name: 'Edit' }).click();
  const editing = page.getByRole('dialog', { name: 'Hand-made persona' });
  await expect(editing.getByLabel('Value 1')).toHaveValue('Zoë');
  await editing.getByRole('button', { name: 'Cancel' }).click();
  await studio.shot(page, 'bulk-qa-04-personas');
});
