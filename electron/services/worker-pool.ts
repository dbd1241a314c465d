import os from 'node:os';
import { Piscina } from 'piscina';
import { workerEntry } from './worker-entry';

/** Threads for work that should use every core: the machine's, at most four (past that, SQLite reads contend). */
export const coreThreads = (): number => Math.max(1, Math.min(4, os.availableParallelism()));

export interface WorkerPoolOptions {
  /** Most threads at once. */
  threads: number;
  /** Threads started up front (all of them unless said); 0 starts each on demand. */
  minThreads?: number;
  /** How long an idle thread lives, in ms; 0 (the default) keeps them until the pool is destroyed. */
  idleTimeout?: number;
  /** Lower scheduling priority for the threads, so they yield the CPU to the host's own thread. */
  niceIncrement?: number;
  /** The worker module's export to run, when it is not the default one. */
  name?: string;
}

/**
 * A piscina pool over the `worker` module next to `callerFile` (built code or
 * under tsx: see workerEntry). The render pool, bulk QA and one-thread jobs
 * all start their workers through here, so a worker is found, loaded and
 * sized the same way everywhere.
 */
export function workerPool<T, R>(callerFile: string, options: WorkerPoolOptions): Piscina<T, R> {
  const { filename, execArgv } = workerEntry(callerFile, () => require.resolve('tsx'));
  return new Piscina<T, R>({
    filename,
    execArgv,
    minThreads: options.minThreads ?? options.threads,
    maxThreads: options.threads,
    idleTimeout: options.idleTimeout ?? 0,
    ...(options.niceIncrement === undefined ? {} : { niceIncrement: options.niceIncrement }),
    ...(options.name === undefined ? {} : { name: options.name }),
  });
}
