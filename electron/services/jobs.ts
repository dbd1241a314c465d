import { randomUUID } from 'node:crypto';
import { ContractError } from '../../shared/contract/envelope';
import type { DataTopic, TailorEvent } from '../../shared/contract/events';
import type { Job, JobKind, JobProgress, JobResult, JobStatus } from '../../shared/contract/schemas';

export interface JobControl {
  /** Aborted when the user cancels; long jobs check it between batches. */
  readonly signal: AbortSignal;
  progress(update: Partial<JobProgress>): void;
}

/**
 * What a kind of job declares once: its progress unit, how its result maps to
 * a final status, and which data it changed when it ends. Import is the first
 * kind; scoring and bulk QA add theirs here and share everything else.
 */
export interface JobKindSpec<K extends JobKind> {
  readonly kind: K;
  readonly unit: JobProgress['unit'];
  outcome(result: JobResult<K>): { status: Exclude<JobStatus, 'running'>; message: string | null };
  /** Topics to announce when the job ends, whatever its outcome (a cancelled import still records itself). */
  readonly changes: readonly DataTopic[];
}

/** Every import kind ends the way its report says. */
const importOutcome = (report: JobResult<'import.customers'>) => ({
  status:
    report.status === 'succeeded' ? ('succeeded' as const) : report.status === 'cancelled' ? ('cancelled' as const) : ('failed' as const),
  message: report.message,
});

export const IMPORT_CUSTOMERS: JobKindSpec<'import.customers'> = {
  kind: 'import.customers',
  unit: 'bytes',
  outcome: importOutcome,
  changes: ['customers', 'imports'],
};

/** Orders and events: the same import path; they change no customer, so they announce imports (which refreshes the workspace counts). */
export const IMPORT_ORDERS: JobKindSpec<'import.orders'> = {
  kind: 'import.orders',
  unit: 'bytes',
  outcome: importOutcome,
  changes: ['imports'],
};
export const IMPORT_EVENTS: JobKindSpec<'import.events'> = {
  kind: 'import.events',
  unit: 'bytes',
  outcome: importOutcome,
  changes: ['imports'],
};

/** The data audit reads the workspace and stores its report; only the audit view's report changes. */
export const AUDIT_RUN: JobKindSpec<'audit.run'> = {
  kind: 'audit.run',
  unit: 'rows',
  outcome: (result) => ({ status: result.status, message: result.message }),
  changes: ['audit'],
};

/** The job kind of each import entity. */
export const IMPORT_JOBS = { customers: IMPORT_CUSTOMERS, orders: IMPORT_ORDERS, events: IMPORT_EVENTS } as const;

/** A dedup run: progress in profiles compared; auto-merge changes customers, and the queue always changes. */
export const DEDUP: JobKindSpec<'dedup'> = {
  kind: 'dedup',
  unit: 'rows',
  outcome: (report) => ({ status: report.status, message: report.message }),
  changes: ['customers', 'dedup'],
};

/** An RFM recompute: progress in stages; scores change, and so may the counts of segments with score conditions. */
export const SCORE_RFM: JobKindSpec<'score.rfm'> = {
  kind: 'score.rfm',
  unit: 'rows',
  outcome: (result) => ({ status: result.status, message: result.message }),
  changes: ['scores', 'segments'],
};

/** Intent scoring: progress in steps; the scores (tokens, conditions, the High intent segment's members) change. */
export const INTENT_RUN: JobKindSpec<'intent.run'> = {
  kind: 'intent.run',
  unit: 'rows',
  outcome: (result) => ({ status: result.status, message: result.message }),
  changes: ['scores'],
};

/** Clustering: progress in steps (one per k charted); the `cluster` scores change. */
export const CLUSTERS_RUN: JobKindSpec<'clusters.run'> = {
  kind: 'clusters.run',
  unit: 'rows',
  outcome: (result) => ({ status: result.status, message: result.message }),
  changes: ['scores'],
};

/** Bulk QA: progress in recipients checked; its report is stored per template version. */
export const QA_RUN: JobKindSpec<'qa.run'> = {
  kind: 'qa.run',
  unit: 'rows',
  outcome: (result) => ({ status: result.status, message: result.message }),
  changes: ['qa'],
};

const KEEP_FINISHED = 50;
/** Progress events at most this often per job; start and end are always sent. */
export const PROGRESS_EVENT_MS = 100;

interface Entry {
  job: Job;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * In-memory registry of long jobs, one wait/cancel path for every kind.
 * Callers start a job and follow its pushed `job` events (or `get` it, or
 * `settle` in-process) and may `cancel`; the runner is responsible for
 * leaving the workspace consistent when aborted.
 */
export class JobManager {
  private readonly entries = new Map<string, Entry>();

  /**
   * @param describeFailure turns an unexpected runner failure (a bug, not a problem the user can fix) into
   *   the job's message; the app logs it and names the error id, so no raw error text reaches users.
   */
  constructor(
    private readonly emit: (event: TailorEvent) => void = () => {},
    private readonly describeFailure: (kind: JobKind, error: unknown) => string = (_kind, error) =>
      error instanceof Error ? error.message : String(error),
  ) {}

  start<K extends JobKind>(spec: JobKindSpec<K>, run: (control: JobControl) => Promise<JobResult<K>>): Job {
    const id = randomUUID();
    const abort = new AbortController();
    // One mutable record per job; the cast is the one place a kind meets its result type.
    const job = {
      id,
      kind: spec.kind,
      status: 'running',
      progress: { done: 0, total: null, unit: spec.unit, rows: 0 },
      message: null,
      result: null,
    } as Job;
    const publish = () => this.emit({ type: 'job', job: structuredClone(job) });
    let lastSent = 0;
    let pending: NodeJS.Timeout | undefined;
    const control: JobControl = {
      signal: abort.signal,
      progress: (update) => {
        job.progress = { ...job.progress, ...update };
        const wait = lastSent + PROGRESS_EVENT_MS - Date.now();
        if (wait <= 0) {
          lastSent = Date.now();
          publish();
        } else {
          pending ??= setTimeout(() => {
            pending = undefined;
            lastSent = Date.now();
            if (job.status === 'running') publish();
          }, wait);
        }
      },
    };
    const done = run(control).then(
      (result) => {
        const outcome = spec.outcome(result);
        Object.assign(job, { result, status: outcome.status, message: outcome.message });
      },
      (error: unknown) => {
        job.status = 'failed';
        job.message = error instanceof ContractError ? error.message : this.describeFailure(spec.kind, error);
      },
    );
    const ended = done.then(() => {
      clearTimeout(pending);
      publish();
      if (spec.changes.length) this.emit({ type: 'data.changed', topics: [...spec.changes] });
    });
    this.entries.set(id, { job, abort, done: ended });
    this.prune();
    publish();
    return structuredClone(job);
  }

  /** Forget the oldest finished jobs beyond a few dozen; clients only follow recent ones. */
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

  /** Resolves when the job has ended, whatever its outcome, after its final event was sent. */
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

/** Proofs of a template for every persona: progress in personas; a zip outside the workspace, so no data changes. */
export const PROOFS_RUN: JobKindSpec<'proofs.run'> = {
  kind: 'proofs.run',
  unit: 'rows',
  outcome: (result) => ({ status: result.status, message: result.message }),
  changes: [],
};
