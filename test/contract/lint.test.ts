import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINT_SETTINGS } from '../../shared/qa/lint/lint-settings';
import { freshWorkspace } from '../support/workspace-app';

async function demoApp() {
  const { app, dir } = await freshWorkspace();
  await app.client.call('workspace.create', { path: path.join(dir, 'demo.tailor'), demo: true });
  const templates = await app.client.call('templates.list', {});
  const source = async (name: string) =>
    (await app.client.call('templates.get', { id: templates.find((t) => t.name === name)!.id })).source;
  return { app, dir, source };
}

describe('lint through the contract', () => {
  it('lints the first persona’s email as sent and flags the demo’s linked image without alt', async () => {
    const { app, source } = await demoApp();
    const report = await app.client.call('lint.run', { source: await source('We miss you') });
    const personas = await app.client.call('personas.list', {});
    expect(report.personaLabel).toBe(personas[0]!.label);
    expect(report.problem).toBeNull();
    const alt = report.findings.filter((f) => f.rule === 'img-alt');
    expect(alt).toHaveLength(1);
    expect(alt[0]).toMatchObject({ severity: 'error' });
    expect(alt[0]!.excerpt).toContain('Trending+now');
    expect(report.findings.some((f) => f.rule === 'unsubscribe')).toBe(false);
    expect(report.text).toMatch(/^It has been a while, /);
    expect(report.bytes).toBeGreaterThan(10_000);
    // The other demo templates keep their alt text.
    expect(
      (await app.client.call('lint.run', { source: await source('Segment offer') })).findings.filter((f) => f.rule === 'img-alt'),
    ).toEqual([]);
  }, 60_000);

  it('keeps settings per workspace: required UTM parameters and clients change what is flagged', async () => {
    const { app, dir, source } = await demoApp();
    const initial = await app.client.call('lint.settings', {});
    expect(initial.settings).toEqual(DEFAULT_LINT_SETTINGS);
    expect(initial.clients.map((c) => c.id)).toContain('outlook.windows');
    const html = await source('We miss you');
    const before = await app.client.call('lint.run', { source: html });
    expect(before.findings.filter((f) => f.rule === 'link-utm')).toEqual([]);

    const saved = await app.client.call('lint.saveSettings', { clients: ['outlook.windows'], requiredUtm: ['utm_source', 'utm_campaign'] });
    expect(saved).toEqual({ clients: ['outlook.windows'], requiredUtm: ['utm_source', 'utm_campaign'] });
    const after = await app.client.call('lint.run', { source: html });
    // The preferences link has utm_source only.
    expect(after.findings.filter((f) => f.rule === 'link-utm').map((f) => f.message)).toContainEqual(
      expect.stringContaining('lacks utm_campaign'),
    );
    expect(after.findings.filter((f) => f.rule === 'client-support').every((f) => !f.message.includes('gmail'))).toBe(true);

    // Another workspace has its own settings; reopening this one keeps them.
    await app.client.call('workspace.create', { path: path.join(dir, 'other.tailor') });
    expect((await app.client.call('lint.settings', {})).settings).toEqual(DEFAULT_LINT_SETTINGS);
    await app.client.call('workspace.open', { path: path.join(dir, 'demo.tailor') });
    expect((await app.client.call('lint.settings', {})).settings.requiredUtm).toEqual(['utm_source', 'utm_campaign']);

    await expect(app.client.call('lint.saveSettings', { clients: ['gmail'], requiredUtm: [] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  }, 60_000);

  it('says why nothing was linted when there is no persona', async () => {
    const { app } = await freshWorkspace();
    const report = await app.client.call('lint.run', { source: '<mjml><mj-body></mj-body></mjml>' });
    expect(report.problem).toMatch(/Add a persona/);
    expect(report.findings).toEqual([]);
  });
});
