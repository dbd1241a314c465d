import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('the lint flags the demo’s planted image without alt text, and proofs open as images', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('option', { name: /We miss you/ }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // Lint: the "Trending now" image in the demo's win-back email is linked and has no alt text.
  await page.getByRole('button', { name: 'Lint', exact: true }).click();
  const lint = page.getByRole('dialog', { name: 'Lint “We miss you”' });
  const findings = lint.getByRole('list', { name: 'Lint findings' });
  await expect(findings).toBeVisible({ timeout: 30_000 });
  const alt = findings.locator('[data-rule="img-alt"]');
  await expect(alt).toHaveCount(1);
  await expect(alt).toHaveAttribute('data-severity', 'error');
  await expect(alt).toContainText('no name when images are off');
  await expect(alt).toContainText('Trending+now');
  await expect(lint.getByTestId('lint-summary')).toContainText('1 error');
  await expect(findings.locator('[data-rule="unsubscribe"]')).toHaveCount(0);
  await studio.shot(page, 'lint-01-findings');

  // The plain-text part, as export writes it.
  await lint.getByRole('tab', { name: 'Plain text' }).click();
  await expect(lint.getByLabel('Plain-text part')).toContainText('We miss you,');

  // Requiring utm_campaign flags the preferences link, which only carries utm_source.
  await lint.getByRole('tab', { name: 'Settings' }).click();
  await lint.getByLabel('Required UTM parameters').fill('utm_source, utm_campaign');
  await lint.getByRole('button', { name: 'Save settings and lint again' }).click();
  await expect(findings.locator('[data-rule="link-utm"]').first()).toContainText('lacks utm_campaign');
  await page.setViewportSize({ width: 1024, height: 768 });
  await studio.shot(page, 'lint-02-utm-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await lint.getByRole('button', { name: 'Close' }).click();

  // Proofs: a zip in the chosen folder; the contact sheet and each persona's screenshot show as images.
  await page.getByRole('button', { name: 'Proofs…' }).click();
  const proofs = page.getByRole('dialog', { name: 'Proofs of “We miss you”' });
  const folder = path.join(studio.dir, 'proofs out');
  await proofs.getByLabel('Proofs folder').fill(folder);
  await proofs.getByRole('button', { name: 'Make proofs' }).click();
  await expect(proofs.getByTestId('proofs-result')).toContainText('Proofs of 3 personas written to', { timeout: 90_000 });
  const sheet = proofs.getByRole('img', { name: 'Contact sheet of every persona' });
  await expect(sheet).toBeVisible();
  const personaImages = proofs.getByRole('img', { name: /^Proof for / });
  await expect(personaImages).toHaveCount(3);
  for (const image of [sheet, ...(await personaImages.all())]) {
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(300);
  }
  await studio.shot(page, 'proofs-01-done');

  const zips = fs.readdirSync(folder).filter((name) => name.endsWith('.zip'));
  expect(zips).toHaveLength(1);
  const files = unzipSync(fs.readFileSync(path.join(folder, zips[0]!)));
  const pngs = Object.keys(files).filter((name) => name.endsWith('.png'));
  expect(pngs).toHaveLength(4);
  for (const name of pngs) expect([...files[name]!.subarray(0, 8)], name).toEqual(PNG_SIGNATURE);
  expect(Object.keys(files).filter((name) => name.endsWith('.eml'))).toHaveLength(3);
});
