import type { Port } from '../../services-process/protocol';
import type { CapturerFactory, ProofCapturer } from './capture';

/**
 * Screenshots by the desktop shell. The services run in a utilityProcess,
 * which has no windows, so the proofs job asks the main process over the
 * same port as the contract, with messages of its own that the contract's
 * protocol ignores: a request per email, answered with the PNG or an error.
 */
export type CaptureRequest = { type: 'proofs.capture'; id: number; html: string; width: number };
export type CaptureReply = { type: 'proofs.captured'; id: number; png: Uint8Array | null; error: string | null };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const isCaptureRequest = (value: unknown): value is CaptureRequest =>
  isObject(value) &&
  value.type === 'proofs.capture' &&
  Number.isSafeInteger(value.id) &&
  typeof value.html === 'string' &&
  typeof value.width === 'number' &&
  value.width > 0 &&
  value.width <= 4096;

export const isCaptureReply = (value: unknown): value is CaptureReply =>
  isObject(value) &&
  value.type === 'proofs.captured' &&
  Number.isSafeInteger(value.id) &&
  (value.png === null || value.png instanceof Uint8Array);

/** A capture that gets no answer in this time fails rather than hanging the job. */
export const CAPTURE_TIMEOUT_MS = 30_000;

/** Service side: a capturer that asks the relay at the other end of `port`. */
export function portCapturer(port: Port): CapturerFactory {
  let next = 1;
  return (): Promise<ProofCapturer> => {
    const waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
    const stop = port.onMessage((message) => {
      if (!isCaptureReply(message)) return;
      const pending = waiting.get(message.id);
      if (!pending) return;
      waiting.delete(message.id);
      if (message.png) pending.resolve(message.png);
      else pending.reject(new Error(message.error ?? 'The screenshot failed.'));
    });
    return Promise.resolve<ProofCapturer>({
      capture: (html, width) =>
        new Promise<Uint8Array>((resolve, reject) => {
          const id = next++;
          const timer = setTimeout(() => {
            waiting.delete(id);
            reject(new Error(`The desktop shell took more than ${CAPTURE_TIMEOUT_MS / 1000} s to take a screenshot.`));
          }, CAPTURE_TIMEOUT_MS);
          waiting.set(id, {
            resolve: (png) => {
              clearTimeout(timer);
              resolve(png);
            },
            reject: (error) => {
              clearTimeout(timer);
              reject(error);
            },
          });
          port.postMessage({ type: 'proofs.capture', id, html, width } satisfies CaptureRequest);
        }),
      close: () => {
        stop();
        for (const pending of waiting.values()) pending.reject(new Error('The proofs were stopped.'));
        waiting.clear();
        return Promise.resolve();
      },
    });
  };
}

/** Relay side: answers every capture request from the service with `capture`'s PNG, or its error. */
export function serveCaptures(port: Port, capture: (html: string, width: number) => Promise<Uint8Array>): () => void {
  return port.onMessage((message) => {
    if (!isCaptureRequest(message)) return;
    capture(message.html, message.width).then(
      (png) => port.postMessage({ type: 'proofs.captured', id: message.id, png, error: null } satisfies CaptureReply),
      (error: unknown) =>
        port.postMessage({
          type: 'proofs.captured',
          id: message.id,
          png: null,
          error: error instanceof Error ? error.message : String(error),
        } satisfies CaptureReply),
    );
  });
}
