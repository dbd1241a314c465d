import type { TailorEvent } from '../../shared/contract/events';

export type EventListener = (event: TailorEvent) => void;

/** Where a client subscribes to pushed events; every host relays from one of these. */
export interface EventSource {
  subscribe(listener: EventListener): () => void;
}

/**
 * The in-process event bus: the service emits, each host relays (IPC, SSE)
 * and in-process clients (CLI, tests) listen directly. A listener that throws
 * is a bug in that listener; it must not stop the others or the emitter.
 */
export class EventHub implements EventSource {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: TailorEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
