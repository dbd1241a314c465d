/** What the page answered: saved, could not save (the window should not close silently), or nothing in time. */
export type FlushOutcome = 'flushed' | 'failed' | 'timeout';

/** The page's acknowledgement: the request id and whether its pending edits were saved. */
export interface FlushAck {
  requestId: number;
  ok: boolean;
}

/**
 * Before a window closes (or the app quits), the page gets a chance to save
 * pending edits: the main process asks (an event carrying a request id), the
 * page runs its before-switch hooks and acknowledges that id with whether the
 * save worked. A page that never answers (hung, or an old build) must not keep
 * the window open: the ask times out. No Electron here, so the handshake is
 * unit-tested in Node.
 */
export class FlushGate {
  private nextId = 1;
  private readonly waiting = new Map<number, (outcome: FlushOutcome) => void>();

  constructor(private readonly ask: (requestId: number) => void) {}

  /** Ask the page to flush; resolves with its answer, or 'timeout'. */
  request(timeoutMs: number): Promise<FlushOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve('timeout');
      }, timeoutMs);
      this.waiting.set(id, (outcome) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(outcome);
      });
      try {
        this.ask(id);
      } catch {
        // The page is already gone: nothing to flush, close at once.
        this.waiting.get(id)?.('flushed');
      }
    });
  }

  /** The page's answer; anything but `{ requestId, ok }` for a pending request is ignored. */
  acknowledge(ack: unknown): void {
    if (typeof ack !== 'object' || ack === null) return;
    const { requestId, ok } = ack as Partial<Record<keyof FlushAck, unknown>>;
    if (typeof requestId !== 'number' || typeof ok !== 'boolean') return;
    this.waiting.get(requestId)?.(ok ? 'flushed' : 'failed');
  }
}
