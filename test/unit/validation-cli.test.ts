import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/schemas';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

describe('tailor rejects and import --json with validation', () => {
  it('reports flagged and rejected counts, writes the rejected rows, and the fixed file imports', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const workspace = path.join(dir, 'shop.tailor');
    const input = path.join(dir, 'customers.csv');
    fs.writeFileSync(input, 'email,first_name\nmaria@gmial.com,Maria\nnot-an-email,Bad\nok@example.com,Ok\n');
    expect((await cli(['init', workspace])).code).toBe(0);

    const imported = await cli(['import', workspace, '--customers', input, '--json']);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as ImportReport;
    expect([report.rowsImported, report.rowsRejected, report.rowsFlagged]).toEqual([2, 1, 1]);
    expect(report.ruleCounts).toEqual([
      { rule: 'email_syntax', label: 'Email syntax', flagged: 0, rejected: 1 },
      { rule: 'email_typo', label: 'Email domain typos', flagged: 1, rejected: 0 },
    ]);
    expect(report.rejections.map((r) => [r.line, r.reasons.map((reason) => reason.rule)])).toEqual([[3, ['email_syntax']]]);

    const text = await cli(['import', workspace, '--customers', input]);
    expect(text.stdout).toContain('flagged:       1');
    expect(text.stdout).toContain('Email domain typos: 1 flagged, 0 rejected');

    // Never over the imported file.
    const refused = await cli(['rejects', workspace, '--out', input]);
    expect(refused.code).toBe(1);
    expect(fs.readFileSync(input, 'utf8')).toContain('ok@example.com');

    const out = path.join(dir, 'rejected.csv');
    const written = await cli(['rejects', workspace, '--import', String(report.importId), '--out', out, '--json']);
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ importId: report.importId, out, rows: 1 });
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFTailor: why rejected,email,first_name\r\n')).toBe(true);
    expect(csv).toContain(',not-an-email,Bad\r\n');

    fs.writeFileSync(out, csv.replace(',not-an-email,', ',bad@example.com,'));
    const again = JSON.parse((await cli(['import', workspace, '--customers', out, '--json'])).stdout) as ImportReport;
    expect(again.rejections).toEqual([]);
    expect([again.rowsImported, again.rowsRejected]).toEqual([1, 0]);

    const none = await cli(['rejects', path.join(dir, 'empty.tailor'), '--out', path.join(dir, 'x.csv')]);
    expect(none.code).toBe(1);
  });
});
