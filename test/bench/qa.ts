/**
 * Bulk QA throughput (issue 9's judged figure).
 *
 *   BENCH=qa npm run bench            (QA_ROWS=100000 recipients by default)
 *   npx tsx test/bench/qa.ts
 *
 * The demo workspace grown to QA_ROWS customers (demo rows copied, see
 * scale-workspace.ts), checked with the "Segment offer" starter over the whole
 * workspace by the real `qa.run` job: a pool of worker threads (every core,
 * at most four), each reading its batches on its own connection, rendering
 * every recipient with an instrumented parse and counting tokens, branches,
 * errors, URLs and sizes; the report is stored at the end. Worker start-up is
 * included. The reference, in the same run: LiquidJS alone rendering the same
 * compiled HTML for the same customers' contexts (built before the clock
 * starts: typed values and computed tokens included), on one thread, which is
 * what checking one recipient at a time costs at best. The figure is
 * recipients per second for both and their ratio (goal ≥ 0.5×).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../electron/services/app';
import { ComputedTokenCache } from '../../electron/services/computed-tokens';
import { compileTemplate } from '../../electron/services/template-compiler';
import { fieldCatalogue, toCustomer } from '../../electron/workspace/customers-repo';
import { withComputedTokens } from '../../shared/templates/computed-tokens';
import { customerContext } from '../../shared/templates/customer-context';
import { createLiquid } from '../../shared/templates/liquid-engine';
import { catalogueReader } from '../../shared/templates/typed-fields';
import { addGeneratedCustomers } from '../support/scale-workspace';

const QA_ROWS = Number(process.env.QA_ROWS ?? 100_000);

export async function benchQa(dir: string): Promise<void> {
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const app = createApp({ host: 'direct', nativeDialogs: false });
  try {
    await app.client.call('workspace.create', { path: path.join(dir, 'qa.tailor'), demo: true });
    const db = app.session.require().db;
    const demoRows = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    if (QA_ROWS > demoRows) addGeneratedCustomers(db, QA_ROWS - demoRows);
    const recipients = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const template = (await app.client.call('templates.list', {})).find((t) => t.name === 'Segment offer')!;
    const { source } = await app.client.call('templates.get', { id: template.id });

    // The reference's data: every customer's context, as a render sees it, built before timing.
    const compiled = await compileTemplate(source);
    const fields = fieldCatalogue(db);
    const rows = db
      .prepare(
        'SELECT id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes, typed FROM customers ORDER BY rowid',
      )
      .all() as Parameters<typeof toCustomer>[0][];
    const customers = rows.map(toCustomer);
    const computed = new ComputedTokenCache().tokensForMany(
      db,
      customers.map((c) => c.id),
    );
    const contexts = customers.map((c) => withComputedTokens(customerContext(c, catalogueReader(fields, c.typed)), computed.get(c.id)));
    const liquid = createLiquid();
    const parsed = liquid.parse(compiled.html!);

    const rawStarted = performance.now();
    let bytes = 0;
    for (const context of contexts) bytes += (liquid.renderSync(parsed, context) as string).length;
    const rawMs = performance.now() - rawStarted;

    const qaStarted = performance.now();
    const { jobId } = await app.client.call('qa.start', { templateId: template.id });
    const job = await app.jobs.settle(jobId);
    const qaMs = performance.now() - qaStarted;
    if (job.kind !== 'qa.run' || job.status !== 'succeeded') throw new Error(`qa failed: ${job.message}`);
    const report = (await app.client.call('qa.latest', { templateId: template.id }))!.report;
    if (report.rendered !== recipients) throw new Error(`qa rendered ${report.rendered} of ${recipients}`);

    const rate = (ms: number) => Math.round(recipients / (ms / 1000));
    console.log(
      `${'qa'.padEnd(18)} ${`${recipients.toLocaleString('en-US')} recipients`.padEnd(22)} tailor ${rate(qaMs).toLocaleString('en-US').padStart(7)}/s (${(qaMs / 1000).toFixed(1)} s, ${os.availableParallelism()} cores)   ` +
        `liquidjs ${rate(rawMs).toLocaleString('en-US').padStart(7)}/s (${(rawMs / 1000).toFixed(1)} s, ${Math.round(bytes / recipients)} B/email)   ratio ${(rawMs / qaMs).toFixed(2)}x (goal >= 0.5x)`,
    );
  } finally {
    await app.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-qa-'));
  void benchQa(dir).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
