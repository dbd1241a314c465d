import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import { computedTokens } from '../../electron/services/computed-tokens';
import { retypeField } from '../../electron/workspace/retype-field';
import { replaceModelScores } from '../../electron/workspace/scores/score-store';
import { insertOrders } from '../support/rfm-workspace';
import type { SegmentRule } from '../../shared/segments/rule';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

const RFM_RUN = { model: 'rfm' as const, asOf: '2026-06-30', modelVersion: 'rfm-1', settings: {}, summary: {} };
const CHURN_RUN = { model: 'churn' as const, asOf: '2026-06-30', modelVersion: 'bgnbd-1', settings: {}, summary: {} };

const inCity = (city: string): SegmentRule => ({ match: 'all', conditions: [{ field: 'city', op: 'equals', value: city }] });

async function workspace(csv = 'id,email,first_name,city\nC1,ada@example.com,Ada,Paris\nC2,bob@example.com,Bob,Lyon\n') {
  const { app, dir } = await freshWorkspace();
  const file = path.join(dir, 'customers.csv');
  fs.writeFileSync(file, csv);
  await importThroughApp(app, file, 'customers');
  const db = app.session.require().db;
  replaceModelScores(db, RFM_RUN, [
    { customerId: 'C1', scores: { rfm_tier: 'Champions', rfm_r: 5, rfm_f: 4, rfm_m: 5 } },
    { customerId: 'C2', scores: { rfm_tier: 'Hibernating', rfm_r: 1, rfm_f: 2, rfm_m: 1 } },
  ]);
  replaceModelScores(db, CHURN_RUN, [
    { customerId: 'C1', scores: { churn_probability: 0.12, expected_purchases: 2.5 } },
    { customerId: 'C2', scores: { churn_probability: 0.81, expected_purchases: 0.1 } },
  ]);
  for (const id of ['C1', 'C2']) await app.client.call('personas.save', { label: id, source: { kind: 'customer', customerId: id } });
  return { app, dir, db };
}

/** Each persona's rendered HTML, in persona order. */
async function render(app: TailorApp, source: string): Promise<(string | null)[]> {
  const result = await app.client.call('preview.render', { source });
  for (const preview of result.previews) expect(preview.problem).toBeNull();
  return result.previews.map((preview) => preview.html);
}

describe('computed tokens in Liquid', () => {
  it('render scores under their token names, aliases and customer., numbers as numbers', async () => {
    const { app } = await workspace();
    const source =
      '{{ rfm_tier }}|{{ customer.rfm_tier }}|{{ RfmTier }}|{{ rfm_r | plus: 1 }}|' +
      "{% if churn_probability > 0.5 %}at risk{% else %}safe{% endif %}|{{ computed.expected_purchases }}|{{ intent_score | default: 'none' }}";
    expect(await render(app, source)).toEqual([
      'Champions|Champions|Champions|6|safe|2.5|none',
      'Hibernating|Hibernating|Hibernating|2|at risk|0.1|none',
    ]);
    const preview = await app.client.call('preview.render', { source: '{{ rfm_tier }}' });
    expect(preview.previews[0]?.tokens).toEqual([{ name: 'rfm_tier', value: 'Champions', missing: false }]);
  });

  it('know segment membership: customer.segments contains is true for members only', async () => {
    const { app } = await workspace();
    await app.client.call('segments.save', { name: 'VIP', rule: inCity('Paris') });
    await app.client.call('segments.save', { name: 'Everyone', rule: { match: 'all', conditions: [] } });
    const source =
      "{% if customer.segments contains 'VIP' %}vip{% else %}not vip{% endif %}|{{ segments | join: ', ' }}|{{ Segments.size }}";
    expect(await render(app, source)).toEqual(['vip|Everyone, VIP|2', 'not vip|Everyone|1']);
    const preview = await app.client.call('preview.render', { source: '{{ customer.segments }}' });
    expect(preview.previews[0]?.tokens).toEqual([{ name: 'customer.segments', value: 'Everyone, VIP', missing: false }]);
  });

  it('skip a segment whose rule no longer compiles instead of breaking the preview', async () => {
    const { app, db } = await workspace();
    await app.client.call('segments.save', { name: 'VIP', rule: inCity('Paris') });
    await app.client.call('segments.save', { name: 'Broken', rule: inCity('Paris') });
    // A rule naming a field this workspace does not have, as one edited by hand or kept from an older import would.
    db.prepare(`UPDATE segments SET rule = ? WHERE name = 'Broken'`).run(
      JSON.stringify({ match: 'all', conditions: [{ field: 'no_such_field', op: 'equals', value: 'x' }] }),
    );
    expect(await render(app, "{{ segments | join: ',' }}")).toEqual(['VIP', '']);
  });

  it('see a saved segment and recomputed scores at once (the cache follows them)', async () => {
    const { app, db } = await workspace();
    const source = "{{ rfm_tier }}:{% if customer.segments contains 'VIP' %}vip{% else %}-{% endif %}";
    expect(await render(app, source)).toEqual(['Champions:-', 'Hibernating:-']);

    const vip = await app.client.call('segments.save', { name: 'VIP', rule: inCity('Paris') });
    expect(await render(app, source)).toEqual(['Champions:vip', 'Hibernating:-']);

    await app.client.call('segments.save', { id: vip.id, name: 'VIP', rule: inCity('Lyon') });
    expect(await render(app, source)).toEqual(['Champions:-', 'Hibernating:vip']);

    // A later run's stamp differs even within the same millisecond of the first: wait one to be sure.
    await new Promise((resolve) => setTimeout(resolve, 5));
    replaceModelScores(db, { ...RFM_RUN, modelVersion: 'rfm-2' }, [{ customerId: 'C1', scores: { rfm_tier: 'At Risk' } }]);
    expect(await render(app, source)).toEqual(['At Risk:-', ':vip']);

    await app.client.call('segments.delete', { id: vip.id });
    expect(await render(app, source)).toEqual(['At Risk:-', ':-']);
  });

  it('follow a field type change: segments on the field see the values as re-read, even when cached mid-way', async () => {
    const { app, db } = await workspace(
      'id,email,first_name,city,amount\nC1,ada@example.com,Ada,Paris,1.234\nC2,bob@example.com,Bob,Lyon,5.000\n',
    );
    const retype = async (decimalSeparator: '.' | ',') => {
      const { jobId } = await app.client.call('customers.setFieldType', { key: 'amount', type: 'number', locale: { decimalSeparator } });
      expect(await app.jobs.settle(jobId)).toMatchObject({ status: 'succeeded' });
    };
    await retype('.');
    await app.client.call('segments.save', {
      name: 'Big',
      rule: { match: 'all', conditions: [{ field: 'amount', op: 'gt', value: '100' }] },
    });
    const source = "{% if customer.segments contains 'Big' %}big{% else %}-{% endif %}";
    expect(await render(app, source)).toEqual(['-', '-']);

    await retype(',');
    expect(await render(app, source)).toEqual(['big', 'big']);

    // A preview while the values are being re-read sees some rows done and others not; the rest must count once read.
    await retype('.');
    expect(await render(app, source)).toEqual(['-', '-']);
    let seenMidway: string[] | null = null;
    const control = {
      signal: new AbortController().signal,
      progress: () => {
        seenMidway ??= computedTokens.tokensFor(db, 'C2').segments;
      },
    };
    await retypeField(db, { key: 'amount', type: 'number', locale: { decimalSeparator: ',' } }, control, { chunk: 1, budgetMs: 0 });
    expect(seenMidway).toEqual([]);
    expect(await render(app, source)).toEqual(['big', 'big']);
  });

  it("read a static segment's membership from its snapshot until it is refreshed", async () => {
    const { app, dir } = await workspace();
    const vip = await app.client.call('segments.save', { name: 'VIP', rule: inCity('Paris'), kind: 'static' });
    const source = "{% if customer.segments contains 'VIP' %}vip{% else %}-{% endif %}";
    expect(await render(app, source)).toEqual(['vip', '-']);

    // Bob moves to Paris: the snapshot still says no, until the segment is refreshed.
    const file = path.join(dir, 'move.csv');
    fs.writeFileSync(file, 'id,email,first_name,city\nC2,bob@example.com,Bob,Paris\n');
    await importThroughApp(app, file, 'customers');
    expect(await render(app, source)).toEqual(['vip', '-']);
    await app.client.call('segments.refresh', { id: vip.id });
    expect(await render(app, source)).toEqual(['vip', 'vip']);
  });

  it('leave a name to an imported column of the same name; the score stays computed.<name>', async () => {
    const { app } = await workspace('id,email,first_name,city,rfm_tier\nC1,ada@example.com,Ada,Paris,Gold\nC2,bob@example.com,Bob,Lyon,\n');
    const source =
      '{{ rfm_tier | default: "none" }}|{{ customer.rfm_tier | default: "none" }}|{{ RfmTier | default: "none" }}|{{ computed.rfm_tier }}';
    // Bob has no value in the imported column: he gets nothing, never the score in its place.
    expect(await render(app, source)).toEqual(['Gold|Gold|Gold|Champions', 'none|none|none|Hibernating']);
    const list = await app.client.call('tokens.computed', {});
    expect(list.scores.find((score) => score.name === 'rfm_tier')).toMatchObject({ shadowed: true });
    expect(list.scores.find((score) => score.name === 'rfm_r')).toMatchObject({ shadowed: false });
  });

  it('reach render.customer and export', async () => {
    const { app, dir } = await workspace();
    await app.client.call('segments.save', { name: 'VIP', rule: inCity('Paris') });
    const source = "<p>{{ rfm_tier }} {% if customer.segments contains 'VIP' %}VIP{% endif %}</p>";
    const single = await app.client.call('render.customer', { template: { name: 't', source }, customer: 'C1' });
    expect(single.html).toBe('<p>Champions VIP</p>');

    const template = await app.client.call('templates.create', { name: 'Scores', source });
    const result = await app.client.call('export.run', { template: { id: template.id }, dir: path.join(dir, 'out'), personas: true });
    const rendered = result.files.filter((file) => file.kind === 'persona').map((file) => fs.readFileSync(file.path, 'utf8'));
    expect(rendered).toHaveLength(2);
    expect(rendered.some((html) => html.includes('Champions VIP'))).toBe(true);
    expect(rendered.some((html) => html.includes('Hibernating') && !html.includes('VIP'))).toBe(true);
  });
});

describe('computed tokens from a real model run', () => {
  it("show the scores the RFM job wrote from its worker, with the run's as-of date", async () => {
    const { app, db } = await workspace();
    const orders = [
      { customerId: 'C1', orderedAt: '2026-06-20', amount: 500 },
      { customerId: 'C1', orderedAt: '2026-06-25', amount: 700 },
      { customerId: 'C2', orderedAt: '2025-01-10', amount: 20 },
    ];
    insertOrders(db, orders);
    const events: string[] = [];
    app.events.subscribe((event) => {
      if (event.type === 'data.changed') events.push(...event.topics);
    });
    const source = '{{ rfm_r }}{{ rfm_f }}{{ rfm_m }}';
    const before = await render(app, source);
    const { jobId } = await app.client.call('scores.rfm.run', { asOf: '2026-06-30' });
    expect((await app.jobs.settle(jobId)).status).toBe('succeeded');
    expect(events).toContain('scores');
    const after = await render(app, source);
    expect(after).not.toEqual(before);
    expect(after[0]).toMatch(/^\d{3}$/);
    expect(Number(after[0]![0])).toBeGreaterThan(Number(after[1]![0]));
    expect((await app.client.call('tokens.customer', { customerId: 'C1' })).scores.find((score) => score.name === 'rfm_r')).toMatchObject({
      asOf: '2026-06-30',
    });
  });
});

describe('computed tokens for the studio', () => {
  it('list every score with whether it was computed, and every segment', async () => {
    const { app } = await workspace();
    await app.client.call('segments.save', { name: 'VIP', rule: inCity('Paris') });
    const list = await app.client.call('tokens.computed', {});
    expect(list.scores.map((score) => score.name)).toEqual(
      expect.arrayContaining(['rfm_tier', 'rfm_r', 'intent_score', 'cluster', 'churn_probability', 'purchase_propensity']),
    );
    expect(list.scores.find((score) => score.name === 'rfm_tier')).toMatchObject({ alias: 'RfmTier', asOf: '2026-06-30', shadowed: false });
    expect(list.scores.find((score) => score.name === 'intent_score')).toMatchObject({ asOf: null });
    expect(list.segments.map((segment) => segment.name)).toEqual(['VIP']);
    expect(list.segmentsShadowed).toBe(false);
  });

  it("give one customer's scores with their as-of date and the segments they are in", async () => {
    const { app } = await workspace();
    await app.client.call('segments.save', { name: 'VIP', rule: inCity('Paris') });
    await app.client.call('segments.save', { name: 'Lyonnais', rule: inCity('Lyon') });
    const ada = await app.client.call('tokens.customer', { customerId: 'C1' });
    expect(ada.segments.map((segment) => segment.name)).toEqual(['VIP']);
    expect(ada.scores.find((score) => score.name === 'rfm_tier')).toMatchObject({ value: 'Champions', asOf: '2026-06-30' });
    expect(ada.scores.find((score) => score.name === 'churn_probability')).toMatchObject({ value: 0.12 });
    expect(ada.scores.some((score) => score.name === 'intent_score')).toBe(false);
  });
});
