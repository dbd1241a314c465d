import path from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type TailorApp } from '../../electron/services/app';
import { importReportOf, type ImportEntityName, type ImportReport, type ImportSettings } from '../../shared/contract/schemas';
import { tempDir } from './temp';

const opened: TailorApp[] = [];

// Registered after temp.ts's hook, so (hooks run as a stack) apps close before their folders go.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

/** An app on a new, empty workspace in its own temp folder (with its own data folder), closed after the test. */
export async function freshWorkspace(): Promise<{ app: TailorApp; dir: string }> {
  const dir = tempDir();
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const app = createApp({ host: 'direct', nativeDialogs: false });
  opened.push(app);
  await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor') });
  return { app, dir };
}

/** Import `file` through the contract as the studio does (a job on the worker) and return its report. */
export async function importThroughApp(
  app: TailorApp,
  file: string,
  entity: ImportEntityName,
  settings?: ImportSettings,
): Promise<ImportReport> {
  const { jobId } = await app.client.call('imports.start', { path: file, entity, settings });
  const job = await app.jobs.settle(jobId);
  const report = importReportOf(job);
  if (!report) throw new Error(`no report: ${job.message}`);
  return report;
}
