import { setMaxListeners } from 'node:events';
import type { Piscina } from 'piscina';
import { ContractError } from '../../../shared/contract/envelope';
import type { JobProgress } from '../../../shared/contract/schemas';
import type { BranchMeta } from '../../../shared/qa/instrument-liquid';
import { type QaOutcome, type QaReport } from '../../../shared/qa/qa-report';
import { emptyTally, mergeTallies, type QaTally } from '../../../shared/qa/recipient-checker';
import { fieldCatalogue } from '../../workspace/customers-repo';
import type { Db } from '../../workspace/db';
import { getSegmentRule, segmentFilter } from '../../workspace/segments-repo';
import { getTemplate } from '../../workspace/templates-repo';
import { lintEmail } from '../lint/lint-email';
import { readLintSettings } from '../lint/lint-settings-repo';
import { partialSources } from '../../workspace/partials-repo';
import { readDictionary } from '../../workspace/token-dictionary-repo';
import { compileForExport } from '../render/service';
import { coreThreads, workerPool } from '../worker-pool';
import { currentVersionId, saveQaReport, sourceHash } from './qa-reports-repo';
import type { QaBatchResult, QaBatchTask } from './worker';

/** Recipients per worker task: big enough that reading and messaging cost little, small enough for smooth progress. */
export const QA_BATCH = 2_000;

export interface QaRunOptions {
  control: { signal: AbortSignal; progress(update: Partial<JobProgress>): void };
  /** Worker threads; every core by default (at most four). */
  threads?: number;
  now?: () => Date;
}

/**
 * Bulk QA of a saved template over a segment (or the whole workspace): the
 * host compiles the email once, lists the recipients' rowids and hands
 * batches to a pool of worker threads, each of which renders its batch with
 * its own read-only connection and returns counts (never the emails). The
 * counts are merged here as batches finish, with progress pushed per batch.
 * The report is stored with the template's version only when every batch is
 * done: a cancel (which terminates the workers) stores nothing.
 */
export async function qaInWorkers(
  db: Db,
  input: { templateId: number; segmentId?: number | undefined },
  options: QaRunOptions,
): Promise<QaOutcome> {
  const { control } = options;
  const started = performance.now();
  const template = getTemplate(db, input.templateId);
  const segment = input.segmentId === undefined ? null : getSegmentRule(db, input.segmentId);
  const filter = input.segmentId === undefined ? null : segmentFilter(db, input.segmentId);
  const rowids = db
    .prepare(`SELECT rowid FROM customers${filter ? ` WHERE (${filter.where})` : ''} ORDER BY rowid`)
    .pluck()
    .all(...(filter?.params ?? [])) as number[];
  control.progress({ done: 0, total: rowids.length, rows: 0 });

  const base = {
    templateId: template.id,
    templateName: template.name,
    versionId: currentVersionId(db, template.id),
    sourceHash: sourceHash(template.source),
    segmentId: segment ? input.segmentId! : null,
    segmentName: segment?.name ?? null,
    recipients: rowids.length,
  };
  // The workers start (loading Liquid, parse5, SQLite) while MJML compiles: both are one-off costs of seconds.
  const pool = workerPool<QaBatchTask, QaBatchResult>(__filename, { threads: options.threads ?? coreThreads() });
  try {
    return await checkInPool(db, pool, template, base, rowids, { ...options, started });
  } finally {
    await pool.destroy();
  }
}

async function checkInPool(
  db: Db,
  pool: Piscina<QaBatchTask, QaBatchResult>,
  template: { source: string },
  base: Parameters<typeof assemble>[1],
  rowids: readonly number[],
  options: QaRunOptions & { started: number },
): Promise<QaOutcome> {
  const { control, started } = options;
  const partials = partialSources(db);
  const dictionary = readDictionary(db);
  const compiled = await compileForExport(template.source, partials);
  const compileErrors = compiled.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => (d.line ? `line ${d.line}: ${d.message}` : d.message));
  if (compiled.html === null || !compiled.renderable || compileErrors.length) {
    const report = assemble(db, base, [], emptyTally(0), {
      compileErrors: compileErrors.length ? compileErrors : ['The template could not be compiled.'],
      ms: performance.now() - started,
      now: options.now,
    });
    const reportId = saveQaReport(db, report);
    return {
      status: 'failed',
      message: `The template does not compile: ${report.compileErrors[0]}`,
      recipients: rowids.length,
      checked: 0,
      reportId,
    };
  }
  const html = compiled.html;
  const fields = fieldCatalogue(db);
  // Every queued batch listens to the cancel signal; fifty batches are not a leak.
  setMaxListeners(0, control.signal);
  let tally: QaTally | null = null;
  let branches: BranchMeta[] = [];
  let done = 0;
  try {
    const batches: number[][] = [];
    for (let i = 0; i < rowids.length; i += QA_BATCH) batches.push(rowids.slice(i, i + QA_BATCH));
    await Promise.all(
      batches.map(async (batch) => {
        const result = await pool.run(
          { workspace: db.name, html, source: template.source, fields, rowids: batch, partials, dictionary },
          { signal: control.signal },
        );
        branches = result.branches;
        tally = tally ? mergeTallies(tally, result.tally) : result.tally;
        done += batch.length;
        control.progress({ done, rows: done });
      }),
    );
  } catch (error) {
    if (control.signal.aborted)
      return {
        status: 'cancelled',
        message: 'QA cancelled; the previous report is kept.',
        recipients: rowids.length,
        checked: done,
        reportId: null,
      };
    if (error instanceof Error && /SQLITE|database/i.test(error.message))
      throw new ContractError('invalid_input', `Could not read the recipients: ${error.message}`);
    throw error;
  }
  const merged: QaTally = tally ?? emptyTally(0);
  const report = assemble(db, base, branches, merged, { compileErrors: [], ms: performance.now() - started, now: options.now });
  const reportId = saveQaReport(db, report);
  return {
    status: 'succeeded',
    message: summary(report),
    recipients: rowids.length,
    checked: merged.rendered + Object.values(merged.errors).reduce((sum, e) => sum + e.count, 0),
    reportId,
  };
}

function assemble(
  db: Db,
  base: Omit<QaReport, 'checkedAt' | 'rendered' | 'ms' | 'compileErrors' | 'tokens' | 'branches' | 'errors' | 'urls' | 'size' | 'lint'>,
  branches: readonly BranchMeta[],
  tally: QaTally,
  extra: { compileErrors: string[]; ms: number; now?: (() => Date) | undefined },
): QaReport {
  const lint = tally.largestHtml === null ? [] : lintEmail(tally.largestHtml, readLintSettings(db));
  return {
    ...base,
    checkedAt: (extra.now?.() ?? new Date()).toISOString(),
    rendered: tally.rendered,
    ms: Math.round(extra.ms),
    compileErrors: extra.compileErrors,
    tokens: Object.values(tally.tokens).sort((a, b) => b.empty + b.fallback - (a.empty + a.fallback) || a.token.localeCompare(b.token)),
    branches: branches.map((meta, i) => ({ ...meta, taken: tally.taken[i]?.taken ?? 0, examples: tally.taken[i]?.examples ?? [] })),
    errors: Object.values(tally.errors).sort((a, b) => b.count - a.count),
    urls: Object.values(tally.urls).sort((a, b) => b.count - a.count),
    size: {
      largestBytes: tally.largestBytes,
      largestCustomerId: tally.largestCustomerId,
      overGmailClip: tally.overGmailClip,
      overGmailExamples: tally.overGmailExamples,
    },
    lint: lint.map((finding) => ({ ...finding })),
  };
}

const plural = (n: number, word: string, words = `${word}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? word : words}`;

function summary(report: QaReport): string {
  const untaken = report.branches.filter((b) => b.taken === 0 && !b.implicit).length;
  const empty = report.tokens.filter((t) => t.empty > 0).length;
  const errors = report.errors.reduce((sum, e) => sum + e.count, 0);
  return `Checked ${plural(report.recipients, 'recipient')}: ${plural(errors, 'render error')}, ${plural(empty, 'token')} empty without a fallback, ${plural(untaken, 'branch')} nobody takes.`.replace(
    'branchs',
    'branches',
  );
}
