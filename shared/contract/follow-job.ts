import type { TailorEvent } from './events';
import type { Job } from './schemas';

/** Where a client gets job updates: pushed events, plus a read for catching up. */
export interface JobFeed {
  /** `onResync` runs after a reconnect, when events may have been missed. Returns the unsubscribe function. */
  subscribe(listener: (event: TailorEvent) => void, onResync?: () => void): () => void;
  get(jobId: string): Promise<Job>;
}

/** If no event arrived for this long, ask once: the stream may be down while the job runs on. */
export const QUIET_CHECK_MS = 5_000;

/**
 * Follow one job until it ends: the one way every client waits for a long
 * job, whatever its kind or transport. Subscribes first, then reads the job
 * once, so a job that ended before the subscription still resolves; after
 * that only pushed events drive it. `onUpdate` sees every update; `done`
 * resolves with the final job, or rejects if the job cannot be read.
 */
export function followJob(feed: JobFeed, jobId: string, onUpdate: (job: Job) => void = () => {}): { done: Promise<Job>; stop: () => void } {
  let stop = (): void => undefined;
  const done = new Promise<Job>((resolve, reject) => {
    let finished = false;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      finished = true;
      clearTimeout(quiet);
      unsubscribe();
    };
    const update = (job: Job) => {
      if (finished || job.id !== jobId) return;
      onUpdate(job);
      clearTimeout(quiet);
      if (job.status !== 'running') {
        finish();
        resolve(job);
      } else {
        quiet = setTimeout(check, QUIET_CHECK_MS);
      }
    };
    const check = () => {
      feed.get(jobId).then(update, (error: unknown) => {
        if (finished) return;
        finish();
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    };
    const unsubscribe = feed.subscribe((event) => {
      if (event.type === 'job') update(event.job);
    }, check);
    stop = finish;
    check();
  });
  return { done, stop };
}
