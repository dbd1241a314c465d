import type { Piscina } from 'piscina';
import { coreThreads, workerPool } from '../worker-pool';
import type { RenderTask, RenderTaskResult } from './tasks';

/** Idle workers stay a while: starting one loads MJML, which costs far more than a render. */
const IDLE_MS = 60_000;

/** Lower priority than the host: a runaway template slows itself, not the app. */
const WORKER_NICENESS = 10;

/** A small pool of render workers, sized to the machine so many personas use every core. */
export class RenderPool {
  private readonly piscina: Piscina<RenderTask, unknown>;

  constructor(threads = coreThreads()) {
    this.piscina = workerPool(__filename, {
      threads,
      idleTimeout: IDLE_MS,
      // Renders yield the CPU to the host's own thread, which must keep answering (piscina's optional @napi-rs/nice).
      niceIncrement: WORKER_NICENESS,
    });
  }

  get threads(): number {
    return this.piscina.options.maxThreads;
  }

  /** Runs one task; aborting `signal` while it runs terminates its worker (and piscina starts a fresh one). */
  run<K extends RenderTask['kind']>(task: Extract<RenderTask, { kind: K }>, signal?: AbortSignal): Promise<RenderTaskResult[K]> {
    return this.piscina.run(task, signal ? { signal } : {}) as Promise<RenderTaskResult[K]>;
  }

  destroy(): Promise<void> {
    return this.piscina.destroy();
  }
}

let shared: RenderPool | undefined;

/** The process-wide pool, created on first use. Workers are unref'd while idle, so it never keeps a CLI alive. */
export function renderPool(): RenderPool {
  shared ??= new RenderPool();
  return shared;
}
