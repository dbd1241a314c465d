import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentFilter } from '../../electron/workspace/segments-repo';
import { qaFailures, untakenBranches } from '../../shared/qa/qa-report';
import { freshWorkspace } from '../support/workspace-app';
import type { TailorApp } from '../../electron/services/app';

async function demo(): Promise<{ app: TailorApp; templateId: number; lapsedId: number }> {
  const { app, dir } = await freshWorkspace();
  await app.client.call('workspace.create', { path: path.join(dir, 'demo.tailor'), demo: true });
  const templates = await app.client.call('templates.list', {});
  const segments = await app.client.call('segments.list', {});
  return {
    app,
    templateId: templates.find((t) => t.name === 'Segment offer')!.id,
    lapsedId: segments.find((s) => s.name === 'Lapsed customers')!.id,
  };
}

describe('bulk QA (job qa.run)', { timeout: 180_000 }, () => {
  it('checks every member of a segment in worker threads: missing first names fall back, the branch nobody takes', async () => {
    const { app, templateId, lapsedId } = await demo();
    const db = app.session.require().db;
    const { jobId } = await app.client.call('qa.start', { templateId, segmentId: lapsedId });
    const job = await app.jobs.settle(jobId);
    expect(job.status, job.message ?? '').toBe('succeeded');

    const latest = await app.client.call('qa.latest', { templateId, segmentId: lapsedId });
    expect(latest?.current).toBe(true);
    const report = latest!.report;
    // The oracle: the segment's own SQL, counted independently of any render.
    const filter = segmentFilter(db, lapsedId);
    const members = db
      .prepare(`SELECT count(*) FROM customers WHERE ${filter.where}`)
      .pluck()
      .get(...filter.params) as number;
    const noFirstName = db
      .prepare(`SELECT count(*) FROM customers WHERE (${filter.where}) AND trim(COALESCE(first_name, '')) = ''`)
      .pluck()
      .get(...filter.params) as number;
    expect(members).toBeGreaterThan(20);
    expect(noFirstName).toBeGreaterThan(0);
    expect(report).toMatchObject({ recipients: members, rendered: members, segmentName: 'Lapsed customers', errors: [] });
    const firstName = report.tokens.find((t) => t.token === 'first_name');
    expect(firstName).toMatchObject({ fallback: noFirstName, empty: 0 });
    expect(firstName!.fallbackExamples.length).toBe(Math.min(5, noFirstName));
    const example = db.prepare('SELECT first_name FROM customers WHERE id = ?').pluck().get(firstName!.fallbackExamples[0]);
    expect(example ?? '').toBe('');

    // Lapsed customers spend at most 1000, so the offer's `if ltv > 1000` branch is taken by nobody, its else by everyone.
    expect(untakenBranches(report).map((b) => [b.kind, b.condition])).toEqual([['if', 'ltv > 1000']]);
    expect(report.branches.find((b) => b.kind === 'else' && b.condition === 'ltv > 1000')?.taken).toBe(members);
    expect(report.size.largestBytes).toBeGreaterThan(10_000);
    expect(report.size.overGmailClip).toBe(0);
    // A demo template never saved has no history yet: the report is tied to its source hash.
    expect(report.versionId).toBeNull();
    expect(qaFailures(report)).toEqual([]);

    // Kept per version: after an edit the stored report is no longer current.
    const template = await app.client.call('templates.get', { id: templateId });
    await app.client.call('templates.save', { id: templateId, source: template.source.replace('This week only', 'This week') });
    expect((await app.client.call('qa.latest', { templateId, segmentId: lapsedId }))?.current).toBe(false);
  });

  it('reports empty tokens without a fallback, render errors with customer ids and malformed URLs', async () => {
    const { app, templateId } = await demo();
    const source = `<mjml><mj-body><mj-section><mj-column>
      <mj-text>Hi {{ first_name }}</mj-text>
      <mj-button href="https://shop.example.com/?n={{ first_name }}">Go</mj-button>
      <mj-raw>{% if id == 'C10001' %}{% for i in (1..100000000) %}{% endfor %}{% endif %}</mj-raw>
    </mj-column></mj-section></mj-body></mjml>`;
    await app.client.call('templates.save', { id: templateId, source });
    const { jobId } = await app.client.call('qa.start', { templateId });
    expect((await app.jobs.settle(jobId)).status).toBe('succeeded');
    const { report } = (await app.client.call('qa.latest', { templateId }))!;
    expect(report.segmentId).toBeNull();
    expect(report.versionId).toBe((await app.client.call('templates.versions', { id: templateId }))[0]?.id);
    expect(report.errors).toEqual([expect.objectContaining({ count: 1, customerIds: ['C10001'], line: 4 })]);
    expect(report.tokens.find((t) => t.token === 'first_name')?.empty).toBeGreaterThan(0);
    expect(report.urls.map((u) => u.reason)).toContain('contains whitespace');
    expect(qaFailures(report).join('\n')).toMatch(/first_name.*empty without a fallback[\s\S]*render error/);
  });

  it('cancels: the workers stop and no report is stored', async () => {
    const { app, templateId } = await demo();
    const { jobId } = await app.client.call('qa.start', { templateId });
    app.jobs.cancel(jobId);
    const job = await app.jobs.settle(jobId);
    expect(job.status).toBe('cancelled');
    expect(await app.client.call('qa.latest', { templateId })).toBeNull();
  });

  it('renders as previews do: workspace partials see the customer, dictionary tokens get their fallback', async () => {
    const { app, lapsedId } = await demo();
    await app.client.call('partials.save', { name: 'greeting', source: '<p>Hi {{ first_name | default: "reader" }}</p>' });
    await app.client.call('tokens.saveDictionary', {
      entries: [{ name: 'greet_name', field: 'first_name', fallback: 'friend', format: 'text', formatArg: null }],
    });
    const template = await app.client.call('templates.create', {
      name: 'With partial',
      source: "<html><body>{% render 'greeting' %}<p>{{ greet_name }}</p></body></html>",
    });
    const { jobId } = await app.client.call('qa.start', { templateId: template.id, segmentId: lapsedId });
    expect((await app.jobs.settle(jobId)).status).toBe('succeeded');
    const report = (await app.client.call('qa.latest', { templateId: template.id, segmentId: lapsedId }))!.report;
    expect(report.errors).toEqual([]);
    expect(report.rendered).toBe(report.recipients);
    // The dictionary's fallback fills greet_name, so it never renders empty.
    expect(report.tokens.find((t) => t.token === 'greet_name')?.empty ?? 0).toBe(0);
  });
});

describe('personas from the analysis and hand-made personas', { timeout: 180_000 }, () => {
  it('adds edge-case personas once, and a typed profile previews as that person', async () => {
    const { app, templateId } = await demo();
    const db = app.session.require().db;
    const added = await app.client.call('personas.fromAnalysis', { templateId });
    const picks = added.added.map((p) => p.pick);
    expect(picks).toEqual(expect.arrayContaining(['longest-name', 'empty-first-name', 'most-tokens-missing', 'most-orders']));
    // The demo's segments already have personas; RFM and clusters have not run.
    expect(added.skipped.map((s) => s.pick)).toEqual(expect.arrayContaining(['segment', 'rfm-tier', 'cluster-medoid', 'highest-churn']));
    const empty = added.added.find((p) => p.pick === 'empty-first-name')!;
    const customerId = empty.source.kind === 'customer' ? empty.source.customerId : '';
    expect(db.prepare('SELECT first_name FROM customers WHERE id = ?').pluck().get(customerId) ?? '').toBe('');
    const longest = db
      .prepare(`SELECT max(length(trim(COALESCE(first_name,'') || ' ' || COALESCE(last_name,'')))) FROM customers`)
      .pluck()
      .get() as number;
    const longestPersona = added.added.find((p) => p.pick === 'longest-name')!;
    const longestId = longestPersona.source.kind === 'customer' ? longestPersona.source.customerId : '';
    expect(
      db
        .prepare(`SELECT length(trim(COALESCE(first_name,'') || ' ' || COALESCE(last_name,''))) FROM customers WHERE id = ?`)
        .pluck()
        .get(longestId),
    ).toBe(longest);
    // Asking again adds nothing.
    expect((await app.client.call('personas.fromAnalysis', { templateId })).added).toEqual([]);

    const persona = await app.client.call('personas.save', {
      label: 'Typed-in VIP',
      source: { kind: 'profile', profile: { FirstName: 'Zoë', lifetime_value: '5000', favorite_category: 'Lamps' } },
    });
    expect(persona.source).toEqual({ kind: 'profile', profile: { FirstName: 'Zoë', lifetime_value: '5000', favorite_category: 'Lamps' } });
    const { source } = await app.client.call('templates.get', { id: templateId });
    const preview = await app.client.call('preview.render', { source, personaIds: [persona.id] });
    expect(preview.previews[0]?.html).toContain('Hello Zoë, a deal picked just for you');
    expect(preview.previews[0]?.html).toContain('Shop the private collection');
  });
});
