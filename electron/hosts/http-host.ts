import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import sirv from 'sirv';
import { newErrorId } from '../services/error-log';
import type { EventSource } from '../services/events';
import { PreviewFrames, previewFrameHeaders } from '../services/preview-frames';
import { safeUploadName, UploadTooLargeError, type UploadStaging } from '../services/uploads';
import { isJsonContentType } from './content-type';
import { EVENTS_PATH, serveEvents } from './http-events';
import type { Dispatch } from '../../shared/contract/dispatch';
import type { Envelope, ErrorBody } from '../../shared/contract/envelope';
import { APP_CSP_HEADER, PREVIEW_FRAME_PATH } from '../../shared/security/csp';

export interface HttpHostOptions {
  dispatch: Dispatch;
  /** Where uploaded CSVs are staged for import (the app's, so imports can clean up after themselves). */
  uploads: UploadStaging;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer; omitted in dev mode, where Vite serves it. */
  staticDir?: string;
  /** A Vite dev server origin allowed to call the API (CORS), e.g. http://localhost:5173. */
  devOrigin?: string;
  /** Bugs outside the dispatcher (transport, uploads), under the id the user is shown. */
  onInternalError?: (where: string, error: unknown, errorId: string) => void;
  /** Pushed events, streamed at GET /api/events. */
  events?: EventSource;
}

export interface HttpHost {
  /** Open this: it carries the per-launch secret in the fragment, which never reaches a server log. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 32 * 1024 * 1024;
export const TOKEN_HEADER = 'x-tailor-token';

function sendJson(res: http.ServerResponse, status: number, body: Envelope | { ok: true; data: unknown }): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

const failure = (res: http.ServerResponse, status: number, error: ErrorBody): void => sendJson(res, status, { ok: false, error });

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_JSON_BYTES) throw new Error('The request is too large.');
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Browser mode's host: serves the renderer and the contract on 127.0.0.1
 * only. Every API call must carry the per-launch token (delivered in the
 * URL fragment), come from our own origin, and use a JSON content type, so
 * other local pages cannot call it (the custom header forces a CORS preflight
 * we never grant) and DNS-rebinding pages fail the Host check.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = randomBytes(24).toString('base64url');
  const frames = new PreviewFrames();
  const serveStatic = options.staticDir
    ? sirv(options.staticDir, {
        dev: false,
        etag: true,
        setHeaders: (res) => {
          res.setHeader('content-security-policy', APP_CSP_HEADER);
          res.setHeader('x-content-type-options', 'nosniff');
          res.setHeader('referrer-policy', 'no-referrer');
          res.setHeader('cross-origin-opener-policy', 'same-origin');
        },
      })
    : null;
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const corsHeaders = (res: http.ServerResponse) => {
    if (!options.devOrigin) return;
    res.setHeader('access-control-allow-origin', options.devOrigin);
    res.setHeader('access-control-allow-headers', `content-type, ${TOKEN_HEADER}`);
    res.setHeader('access-control-allow-methods', 'POST');
    res.setHeader('vary', 'origin');
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (!allowedHosts.has(host)) {
        res.writeHead(421, { 'content-type': 'text/plain' }).end('Tailor only answers on its loopback address.');
        return;
      }
      const url = new URL(req.url ?? '/', origin);
      const isApi = url.pathname.startsWith('/api/');
      const isUpload = url.pathname === '/upload';
      const isFramePublish = url.pathname === PREVIEW_FRAME_PATH.slice(0, -1);
      if (!isApi && !isUpload && !isFramePublish) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405).end();
          return;
        }
        if (url.pathname.startsWith(PREVIEW_FRAME_PATH)) {
          // A preview with remote images on: its own header CSP, not the studio's (see preview-frames.ts).
          const document = frames.lookup(url.pathname);
          if (document === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('This preview has expired.');
          else res.writeHead(200, previewFrameHeaders()).end(req.method === 'HEAD' ? undefined : document);
          return;
        }
        if (!serveStatic) {
          res
            .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
            .end(
              options.devOrigin
                ? 'The renderer is served by the Vite dev server in dev mode.'
                : 'Tailor’s browser UI is not built. Run `npm run build` and restart, or start with `npm start`, which builds first.',
            );
          return;
        }
        serveStatic(req, res, () => {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        });
        return;
      }

      const requestOrigin = req.headers.origin;
      const originOk = requestOrigin === undefined || allowedOrigins.has(requestOrigin) || requestOrigin === options.devOrigin;
      if (req.method === 'OPTIONS' && options.devOrigin && requestOrigin === options.devOrigin) {
        corsHeaders(res);
        res.writeHead(204).end();
        return;
      }
      if (!originOk) {
        failure(res, 403, { code: 'unauthorized', message: 'Calls from other sites are not allowed.' });
        return;
      }
      corsHeaders(res);
      const isEvents = url.pathname === EVENTS_PATH && req.method === 'GET' && options.events !== undefined;
      if (req.method !== 'POST' && !isEvents) {
        failure(res, 405, { code: 'invalid_input', message: 'Use POST.' });
        return;
      }
      const given = req.headers[TOKEN_HEADER];
      if (typeof given !== 'string' || !safeEqual(given, token)) {
        failure(res, 401, {
          code: 'unauthorized',
          message: 'Missing or wrong session token. Open Tailor with the URL it printed at launch.',
        });
        return;
      }

      if (isEvents && options.events) {
        serveEvents(req, res, options.events);
        return;
      }

      if (isUpload) {
        // Browser mode cannot hand us a file path, so the file is streamed to a private staging folder.
        const rawName = url.searchParams.get('name') ?? 'upload.csv';
        const name = safeUploadName(rawName);
        const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
        try {
          sendJson(res, 200, { ok: true, data: await options.uploads.receive(req, rawName, declared) });
        } catch (error) {
          if (error instanceof UploadTooLargeError) {
            // Stop reading the rest of an oversized body.
            res.setHeader('connection', 'close');
            failure(res, 413, { code: 'bad_file', message: `Could not receive ${name}: ${error.message}` });
          } else {
            const errorId = newErrorId();
            options.onInternalError?.('upload', error, errorId);
            failure(res, 500, { code: 'internal', message: `Could not receive ${name} (error ${errorId}). Try again.` });
          }
        }
        return;
      }

      if (!isJsonContentType(req.headers['content-type'])) {
        failure(res, 415, { code: 'invalid_input', message: 'Send the input as application/json.' });
        return;
      }
      let input: unknown;
      try {
        input = await readJson(req);
      } catch (error) {
        failure(res, 400, { code: 'invalid_input', message: `The request body is not valid JSON: ${(error as Error).message}` });
        return;
      }
      if (isFramePublish) {
        const document = (input as { document?: unknown } | null)?.document;
        if (typeof document !== 'string' || document.length > frames.maxChars) {
          failure(res, 400, { code: 'invalid_input', message: 'Send { document } with the preview HTML.' });
          return;
        }
        sendJson(res, 200, { ok: true, data: { url: frames.publish(document) } });
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        failure(res, 400, { code: 'unknown_method', message: 'The method name in the URL is not valid.' });
        return;
      }
      sendJson(res, 200, await options.dispatch(method, input));
    })().catch((error: unknown) => {
      const errorId = newErrorId();
      options.onInternalError?.('http', error, errorId);
      if (!res.headersSent)
        failure(res, 500, { code: 'internal', message: `Tailor hit an unexpected error (error ${errorId}). Try again.` });
      else res.end();
    });
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  let port: number;
  try {
    port = await listen(options.port ?? 0);
  } catch (error) {
    // A taken default port should not stop the studio from opening: pick a free one.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.port) throw error;
    port = await listen(0);
  }
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // The studio may be opened as localhost too; both name this same loopback server.
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const appOrigin = options.devOrigin ?? origin;
  const fragment = new URLSearchParams({ token });
  if (options.devOrigin) fragment.set('api', origin);

  return {
    url: `${appOrigin}/#${fragment.toString()}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
