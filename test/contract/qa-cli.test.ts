import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/services/app';
import { qaFailures, type QaReport } from '../../shared/qa/qa-report';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

describe('tailor qa', { timeout: 240_000 }, () => {
  it('exits 0 on a clean run, and 3 with the reasons when a token is empty without a fallback or a render fails', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const ws = path.join(dir, 'shop.tailor');
    expect((await cli(['init', ws, '--demo'])).code).toBe(0);

    const clean = await cli(['qa', ws, '--template', 'Segment offer', '--segment', 'Lapsed customers', '--json']);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    const report = JSON.parse(clean.stdout) as QaReport & { ok: boolean; failures: string[] };
    expect(report).toMatchObject({ ok: true, failures: [], segmentName: 'Lapsed customers' });
    expect(report.branches.find((b) => b.condition === 'ltv > 1000' && b.kind === 'if')?.taken).toBe(0);

    const broken = path.join(dir, 'broken.mjml');
    writeFileSync(
      broken,
      `<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ first_name }}</mj-text>
       <mj-raw>{% if id == 'C10002' %}{% for i in (1..100000000) %}{% endfor %}{% endif %}</mj-raw></mj-column></mj-section></mj-body></mjml>`,
    );
    // A file is not a workspace template: qa says how to fix that, as bad input.
    const file = await cli(['qa', ws, '--template', broken]);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('template saved in the workspace');

    const app = createApp({ host: 'direct', nativeDialogs: false });
    await app.client.call('workspace.open', { path: ws });
    await app.client.call('templates.create', { name: 'Broken', source: readFileSync(broken, 'utf8') });
    await app.close();

    const failed = await cli(['qa', ws, '--template', 'Broken']);
    expect(failed.code).toBe(3);
    expect(failed.stdout).toContain('FAILED');
    expect(failed.stdout).toMatch(/empty +\{\{ first_name \}\}/);
    expect(failed.stdout).toMatch(/error .*C10002/);
  });

  it('counts a lint error as a failure', () => {
    const base = { tokens: [], errors: [], compileErrors: [] };
    const lint = (severity: 'error' | 'warning') => [
      { rule: 'img-alt', severity, message: 'An image has no alt text.', line: 3, excerpt: null },
    ];
    expect(qaFailures({ ...base, lint: lint('warning') } as unknown as QaReport)).toEqual([]);
    expect(qaFailures({ ...base, lint: lint('error') } as unknown as QaReport)).toEqual(['lint img-alt: An image has no alt text.']);
  });
});
