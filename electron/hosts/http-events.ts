import type http from 'node:http';
import type { EventSource } from '../services/events';

/** The server-sent events route; the renderer reads it with fetch, since EventSource cannot send the token header. */
export const EVENTS_PATH = '/api/events';

/** A comment line now and then keeps proxies and idle timers from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** One SSE frame: a named event whose data is one JSON line. */
export const sseFrame = (data: unknown): string => `event: tailor\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Streams every pushed event to one authenticated client until it goes
 * away. The caller has already checked Host, Origin and the token.
 */
export function serveEvents(req: http.IncomingMessage, res: http.ServerResponse, events: EventSource): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  // Sent at once, so the client knows it is subscribed before anything happens.
  res.write(': subscribed\n\n');
  const unsubscribe = events.subscribe((event) => {
    res.write(sseFrame(event));
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
