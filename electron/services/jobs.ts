import { randomUUID } from 'node:crypto';
import { ContractError } from '../../shared/contract/envelope';
import type { ImportReport, Job } from '../../shared/contract/schemas';

export interface JobControl {
  /** Aborted when the user cancels; long jobs check it between batches. */
  readonly signal: AbortSignal;
  progress(update: Partial<Job['progress']>): void;
}

type JobRunner = (control: JobControl) => Promise<ImportReport>;

const KEEP_FINISHED = 50;

interface Entry {
  job: Job;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * In-memory registry of long jobs. Callers start a job, then poll `get`
 * (identical over IPC, HTTP and in-process) and may `cancel`; the runner is
 * responsible for leaving the workspace consistent when aborted.
 */
export class JobManager {
  private readonly entries = new Map<string, Entry>();

  start(kind: Job['kind'], unit: Job['progress']['unit'], run: JobRunner): Job {
    const id = randomUUID();
    const abort = new AbortController();
    const job: Job = {
      id,
      kind,
      status: 'running',
      progress: { done: 0, total: null, unit, rows: 0 },
      message: null,
      result: null,
    };
    const control: JobControl = {
      signal: abort.signal,
      progress: (update) => {
        job.progress = { ...job.progress, ...update };
      },
    };
    const done = run(control).then(
      (report) => {
        job.result = report;
        job.status = report.status === 'succeeded' ? 'succeeded' : report.status === 'cancelled' ? 'cancelled' : 'failed';
        job.message = report.message;
      },
      (error: unknown) => {
        job.status = 'failed';
        job.message = error instanceof Error ? error.message : String(error);
      },
    );
    this.entries.set(id, { job, abort, done });
    this.prune();
    return { ...job };
  }

  /** Forget the oldest finished jobs beyond a few dozen; clients only poll recent ones. */
  private prune(): void {
    const finished = [...this.entries].filter(([, entry]) => entry.job.status !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.entries.delete(id);
  }

  get(id: string): Job {
    const entry = this.entries.get(id);
    if (!entry) throw new ContractError('not_found', `No job with id ${id}. It may belong to a Tailor session that has ended.`);
    return structuredClone(entry.job);
  }

  cancel(id: string): Job {
    const entry = this.entries.get(id);
    if (!entry) throw new ContractError('not_found', `No job with id ${id}.`);
    if (entry.job.status === 'running') entry.abort.abort();
    return structuredClone(entry.job);
  }

  /** Resolves when the job has ended, whatever its outcome. */
  async settle(id: string): Promise<Job> {
    const entry = this.entries.get(id);
    if (!entry) throw new ContractError('not_found', `No job with id ${id}.`);
    await entry.done;
    return structuredClone(entry.job);
  }

  /** Cancel everything still running and wait for it to unwind (workspace switch, shutdown). */
  async cancelAll(): Promise<void> {
    const running = [...this.entries.values()].filter((entry) => entry.job.status === 'running');
    for (const entry of running) entry.abort.abort();
    await Promise.all(running.map((entry) => entry.done));
  }
}
