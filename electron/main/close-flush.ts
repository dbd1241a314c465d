/**
 * Before a window closes, the page gets a chance to save pending edits: the
 * main process asks (an event carrying a request id), the page runs its
 * before-switch hooks and acknowledges that id. A page that never answers
 * (hung, or an old build) must not keep the window open: the ask times out.
 * No Electron here, so the handshake is unit-tested in Node.
 */
export class FlushGate {
  private nextId = 1;
  private readonly waiting = new Map<number, () => void>();

  constructor(private readonly ask: (requestId: number) => void) {}

  /** Ask the page to flush; resolves 'flushed' when it acknowledges, 'timeout' otherwise. */
  request(timeoutMs: number): Promise<'flushed' | 'timeout'> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve('timeout');
      }, timeoutMs);
      this.waiting.set(id, () => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve('flushed');
      });
      try {
        this.ask(id);
      } catch {
        // The page is already gone: nothing to flush, close at once.
        this.waiting.get(id)?.();
      }
    });
  }

  /** The page's answer; anything but a pending request id is ignored. */
  acknowledge(requestId: unknown): void {
    if (typeof requestId === 'number') this.waiting.get(requestId)?.();
  }
}
