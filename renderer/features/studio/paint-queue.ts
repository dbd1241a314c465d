/** When the queue may run: in a task of its own, after the next frame is painted, and what time it is. */
export interface FramePacer {
  soon(run: () => void): void;
  afterNextPaint(run: () => void): void;
  now(): number;
}

const nextTask = (run: () => void) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = run;
  channel.port2.postMessage(null);
};

/** The browser's: a task of its own; an animation frame, then the task after it (the frame has been painted by then). */
export const browserPacer: FramePacer = {
  soon: nextTask,
  afterNextPaint(run) {
    requestAnimationFrame(() => nextTask(run));
  },
  now: () => performance.now(),
};

export interface PaintQueueOptions {
  /** At most this many jobs between two paints. */
  perFrame: number;
  /** Once a frame's jobs have taken this long, the rest wait for the next frame. */
  budgetMs: number;
}

/**
 * Work that ends in a preview frame getting a new document, spread over
 * animation frames. Each persona's email is prepared on the main thread
 * (parse5, style rewrites), parsed again by the browser and merged into its
 * frame's document (previews/morph-frame.ts), 5 to 10 ms each on a slow
 * machine: six in one task would be a main-thread stall while typing. Here
 * at most `perFrame` of them run after each paint (fewer once `budgetMs` is
 * spent), so keystrokes are handled between them. Work that arrives when
 * nothing has run since the last paint starts at once, in a task of its own,
 * rather than waiting a frame.
 *
 * Jobs are keyed by owner (a card): a newer job for the same owner replaces
 * the waiting one, keeping its place, so a card never shows an email older
 * than one it already has queued.
 */
export class PaintQueue {
  private readonly jobs = new Map<object, () => void>();
  private waiting = false;
  /** A batch ran and the frame it belongs to has not been painted yet. */
  private ranSincePaint = false;

  constructor(
    private readonly pacer: FramePacer = browserPacer,
    private readonly options: PaintQueueOptions = { perFrame: 3, budgetMs: 24 },
  ) {}

  /** Queue `job` for `owner`; returns a function that drops it if it has not run yet. */
  schedule(owner: object, job: () => void): () => void {
    this.jobs.set(owner, job);
    this.wake();
    return () => {
      if (this.jobs.get(owner) === job) this.jobs.delete(owner);
    };
  }

  /** Jobs waiting for a frame. */
  get size(): number {
    return this.jobs.size;
  }

  private wake(): void {
    if (this.waiting || this.jobs.size === 0) return;
    this.waiting = true;
    if (this.ranSincePaint) this.pacer.afterNextPaint(() => this.runFrame());
    else this.pacer.soon(() => this.runFrame());
  }

  private runFrame(): void {
    this.waiting = false;
    if (!this.ranSincePaint) {
      this.ranSincePaint = true;
      // Registered before any next batch's wait, so it has been cleared when that batch runs.
      this.pacer.afterNextPaint(() => (this.ranSincePaint = false));
    }
    const started = this.pacer.now();
    let ran = 0;
    try {
      for (const [owner, job] of this.jobs) {
        if (ran >= this.options.perFrame || (ran > 0 && this.pacer.now() - started >= this.options.budgetMs)) break;
        this.jobs.delete(owner);
        ran++;
        job();
      }
    } finally {
      // A job that throws (a card gone wrong) must not stop the others' previews.
      this.wake();
    }
  }
}

/** The studio's one queue: every preview card's updates share its frames. */
export const previewPaints = new PaintQueue();
