import type { QueryClient } from '@tanstack/react-query';
import { staleMethods, TailorEvent } from '../../shared/contract/events';
import type { Job } from '../../shared/contract/schemas';
import { followJob as followJobFeed } from '../../shared/contract/follow-job';
import { createSseParser } from '../../shared/contract/sse';
import { api, transport, type BrowserSession } from './transport';

/**
 * Events the service pushes (job progress, data changed), whatever the host:
 * the preload's one subscribe function in the desktop app, a fetch-streamed
 * SSE response in browser mode (EventSource cannot send the token header).
 * One connection is shared by every subscriber and closed when the last leaves.
 */

type Listener = (event: TailorEvent) => void;
const listeners = new Set<Listener>();
/** Called after a reconnect: anything pushed while disconnected was missed. */
const resyncs = new Set<() => void>();
let disconnect: (() => void) | null = null;

function deliver(raw: unknown): void {
  const parsed = TailorEvent.safeParse(raw);
  if (!parsed.success) return;
  for (const listener of [...listeners]) listener(parsed.data);
}

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

function streamEvents(session: NonNullable<BrowserSession>): () => void {
  const abort = new AbortController();
  const run = async () => {
    for (let attempt = 0; !abort.signal.aborted; attempt++) {
      try {
        const response = await fetch(`${session.api}/api/events`, { headers: { 'x-tailor-token': session.token }, signal: abort.signal });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        if (attempt > 0) for (const resync of [...resyncs]) resync();
        attempt = 0;
        const parse = createSseParser((data) => deliver(JSON.parse(data) as unknown));
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
    }
  };
  void run();
  return () => abort.abort();
}

function connect(): () => void {
  const bridge = window.tailorEvents;
  if (bridge) return bridge.subscribe(deliver);
  return transport.session ? streamEvents(transport.session) : () => undefined;
}

/** Listen to every pushed event; returns the unsubscribe function (an effect's cleanup). */
export function subscribeEvents(listener: Listener, onResync?: () => void): () => void {
  listeners.add(listener);
  if (onResync) resyncs.add(onResync);
  disconnect ??= connect();
  return () => {
    listeners.delete(listener);
    if (onResync) resyncs.delete(onResync);
    if (listeners.size === 0 && disconnect) {
      disconnect();
      disconnect = null;
    }
  };
}

/**
 * Keeps TanStack Query's cache in step with the workspace: a "data changed"
 * event invalidates the methods it makes stale (everything after another
 * workspace opened, or after missing events while disconnected).
 */
export function connectQueryCache(queryClient: QueryClient): () => void {
  return subscribeEvents(
    (event) => {
      if (event.type !== 'data.changed') return;
      const methods = staleMethods(event.topics);
      if (methods === null) void queryClient.invalidateQueries();
      else for (const method of methods) void queryClient.invalidateQueries({ queryKey: [method] });
    },
    () => void queryClient.invalidateQueries(),
  );
}

/** Follow one job's pushed progress until it ends (see shared/contract/follow-job.ts). */
export const followJob = (jobId: string, onUpdate: (job: Job) => void): { done: Promise<Job>; stop: () => void } =>
  followJobFeed({ subscribe: subscribeEvents, get: (id) => api.call('jobs.get', { jobId: id }) }, jobId, onUpdate);
