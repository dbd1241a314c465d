/**
 * What computed tokens (scores, segment membership) cost a preview refresh.
 *
 *   npx tsx test/bench/computed-tokens.ts          (ROWS=100000 extra customers by default)
 *
 * On the demo and on the demo plus ROWS generated customers, with every
 * customer scored (RFM and churn): the six-persona refresh per edit with
 * tokens in the template (warm: nothing changed since the last refresh), the
 * first refresh after a segment is saved (membership worked out again for
 * each persona's customer), and one customer's tokens looked up cold.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type TailorApp } from '../../electron/services/app';
import { ComputedTokenCache } from '../../electron/services/computed-tokens';
import { replaceModelScores } from '../../electron/workspace/scores/score-store';
import { sixPersonaWorkspace } from '../support/scale-workspace';

const ROWS = Number(process.env.ROWS ?? 100_000);
const EDITS = 20;
const TOKENS =
  "<p>{{ rfm_tier }} {% if churn_probability > 0.5 %}risk{% endif %} {% if customer.segments contains 'Nobody' %}x{% endif %}</p>";

function scoreEveryone(app: TailorApp): void {
  const db = app.session.require().db;
  const ids = db.prepare('SELECT id FROM customers').pluck().all() as string[];
  const run = { asOf: '2026-06-30', modelVersion: 'bench', settings: {}, summary: {} };
  replaceModelScores(
    db,
    { model: 'rfm', ...run },
    ids.map((customerId, i) => ({ customerId, scores: { rfm_tier: ['Champions', 'Loyal', 'Lost'][i % 3]!, rfm_r: (i % 5) + 1 } })),
  );
  replaceModelScores(
    db,
    { model: 'churn', ...run },
    ids.map((customerId, i) => ({ customerId, scores: { churn_probability: (i % 10) / 10 } })),
  );
}

async function measure(label: string, extraRows: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-tokens-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const app = createApp({ host: 'direct', nativeDialogs: false });
  try {
    const source = (await sixPersonaWorkspace(app, path.join(dir, 'w.tailor'), extraRows)).replace('</mj-text>', `${TOKENS}</mj-text>`);
    scoreEveryone(app);
    // A rule over orders: every membership question groups the orders table.
    await app.client.call('segments.save', {
      name: 'Repeat buyers',
      rule: {
        kind: 'group',
        combinator: 'and',
        negate: false,
        children: [{ kind: 'orders', measure: 'count', op: 'gte', value: '2', windowDays: 365, category: null }],
      },
    });
    const db = app.session.require().db;
    await app.client.call('preview.render', { source });
    let started = performance.now();
    for (let i = 0; i < EDITS; i++) await app.client.call('preview.render', { source: `${source}<!-- ${i} -->` });
    const warm = (performance.now() - started) / EDITS;

    const [segment] = await app.client.call('segments.list', {});
    started = performance.now();
    await app.client.call('segments.save', { id: segment!.id, name: segment!.name, rule: segment!.rule });
    const save = performance.now() - started;
    started = performance.now();
    await app.client.call('preview.render', { source: `${source}<!-- after save -->` });
    const cold = performance.now() - started;

    const lookups = new ComputedTokenCache();
    const ids = db.prepare('SELECT id FROM customers ORDER BY random() LIMIT 200').pluck().all() as string[];
    started = performance.now();
    for (const id of ids) lookups.tokensFor(db, id);
    const perCustomer = (performance.now() - started) / ids.length;
    console.log(
      `${label}: warm refresh ${warm.toFixed(1)} ms; first refresh after a segment save ${cold.toFixed(1)} ms (save ${save.toFixed(0)} ms); ` +
        `one customer's tokens cold ${perCustomer.toFixed(2)} ms`,
    );
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await measure('demo', 0);
  await measure(`demo + ${ROWS.toLocaleString('en')}`, ROWS);
}

void main();
