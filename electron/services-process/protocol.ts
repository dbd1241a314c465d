import type { Dispatch } from '../../shared/contract/dispatch';
import type { Envelope } from '../../shared/contract/envelope';
import type { TailorEvent } from '../../shared/contract/events';

/**
 * The message protocol between a host's relay (Electron's main process) and
 * the process that runs the workspace services. It knows nothing of Electron:
 * anything that can post a structured-clone message both ways is a `Port`
 * (Electron's utilityProcess / parentPort, a Node MessageChannel, a forked
 * child), so it is tested in plain Node.
 */

/** Relay → service. */
export type ToService = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };

/** Service → relay. */
export type FromService =
  | { type: 'ready'; startupError: string | null; workspace: string | null }
  | { type: 'reply'; id: number; envelope: Envelope }
  | { type: 'event'; event: TailorEvent }
  | { type: 'closed' };

export interface Port {
  postMessage(message: unknown): void;
  /** Returns the function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isToService(value: unknown): value is ToService {
  if (!isObject(value)) return false;
  if (value.type === 'close') return true;
  return value.type === 'call' && Number.isSafeInteger(value.id) && typeof value.method === 'string';
}

export function isFromService(value: unknown): value is FromService {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'ready':
      return value.startupError === null || typeof value.startupError === 'string';
    case 'reply':
      return Number.isSafeInteger(value.id) && isObject(value.envelope) && typeof value.envelope.ok === 'boolean';
    case 'event':
      return isObject(value.event);
    case 'closed':
      return true;
    default:
      return false;
  }
}

export interface ServiceSide {
  dispatch: Dispatch;
  subscribe(listener: (event: TailorEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * Service side: answer every call with its envelope, forward every pushed
 * event, and close the workspace when asked. Calls run concurrently, as they
 * do over HTTP; the dispatcher never throws, so every call gets a reply.
 */
export function serveOverPort(port: Port, service: ServiceSide, onClosed: () => void = () => {}): () => void {
  const unsubscribe = service.subscribe((event) => port.postMessage({ type: 'event', event } satisfies FromService));
  const stop = port.onMessage((message) => {
    if (!isToService(message)) return;
    if (message.type === 'close') {
      unsubscribe();
      void service.close().finally(() => {
        port.postMessage({ type: 'closed' } satisfies FromService);
        onClosed();
      });
      return;
    }
    void service.dispatch(message.method, message.input).then((envelope) => {
      port.postMessage({ type: 'reply', id: message.id, envelope } satisfies FromService);
    });
  });
  return () => {
    unsubscribe();
    stop();
  };
}

export const SERVICE_GONE: Envelope = {
  ok: false,
  error: {
    code: 'internal',
    message: 'The Tailor service stopped unexpectedly. Restart Tailor; your saved work is in the workspace file.',
  },
};

export interface ServiceConnection {
  /** Resolves with the envelope, never rejects: a lost service answers SERVICE_GONE. */
  call(method: string, input: unknown): Promise<Envelope>;
  onEvent(listener: (event: TailorEvent) => void): () => void;
  /** Resolves with the service's startup report (the workspace it opened, or why it could not). */
  readonly ready: Promise<{ startupError: string | null; workspace: string | null }>;
  /** Ask the service to close its workspace; resolves when it has, or after `timeoutMs`. */
  close(timeoutMs: number): Promise<'closed' | 'timeout'>;
  /** The service process is gone: answer every pending call with SERVICE_GONE. */
  lost(): void;
}

/** Relay side: numbered calls matched to replies, events fanned out to listeners. */
export function connectToService(port: Port): ServiceConnection {
  let nextId = 1;
  let gone = false;
  const pending = new Map<number, (envelope: Envelope) => void>();
  const listeners = new Set<(event: TailorEvent) => void>();
  const closedWaiters = new Set<() => void>();
  let markReady: (report: { startupError: string | null; workspace: string | null }) => void = () => {};
  const ready = new Promise<{ startupError: string | null; workspace: string | null }>((resolve) => {
    markReady = resolve;
  });

  port.onMessage((message) => {
    if (!isFromService(message)) return;
    switch (message.type) {
      case 'ready':
        markReady({ startupError: message.startupError, workspace: message.workspace });
        return;
      case 'reply': {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.envelope);
        return;
      }
      case 'event':
        for (const listener of [...listeners]) listener(message.event);
        return;
      case 'closed':
        for (const waiter of [...closedWaiters]) waiter();
        return;
    }
  });

  return {
    call(method, input) {
      if (gone) return Promise.resolve(SERVICE_GONE);
      const id = nextId++;
      return new Promise<Envelope>((resolve) => {
        pending.set(id, resolve);
        port.postMessage({ type: 'call', id, method, input } satisfies ToService);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    ready,
    close(timeoutMs) {
      if (gone) return Promise.resolve('closed');
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          closedWaiters.delete(done);
          resolve('timeout');
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          closedWaiters.delete(done);
          resolve('closed');
        };
        closedWaiters.add(done);
        port.postMessage({ type: 'close' } satisfies ToService);
      });
    },
    lost() {
      gone = true;
      markReady({ startupError: 'The Tailor service stopped before it was ready.', workspace: null });
      for (const resolve of pending.values()) resolve(SERVICE_GONE);
      pending.clear();
      for (const waiter of [...closedWaiters]) waiter();
    },
  };
}
