import { randomBytes } from 'node:crypto';
import { PREVIEW_FRAME_CSP, PREVIEW_FRAME_PATH } from '../../shared/security/csp';

export interface PreviewFramesOptions {
  /** How long a published frame can be fetched. */
  ttlMs?: number;
  /** Older frames are forgotten beyond this many. */
  maxFrames?: number;
  /** Largest document accepted, in UTF-16 code units. */
  maxChars?: number;
  now?: () => number;
}

/**
 * Preview documents shown with remote images on. A srcdoc frame inherits the
 * studio's CSP, which forbids every remote load, so such a preview is served
 * by the host instead, as a network response whose own header policy
 * (PREVIEW_FRAME_CSP) allows only images, fonts and styles from the web. Each
 * is reachable for a few minutes at an unguessable path; the frame URL needs
 * no token because an <iframe src> cannot send one.
 */
export class PreviewFrames {
  private readonly frames = new Map<string, { document: string; expires: number }>();
  private readonly ttlMs: number;
  private readonly maxFrames: number;
  readonly maxChars: number;
  private readonly now: () => number;

  constructor(options: PreviewFramesOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxFrames = options.maxFrames ?? 256;
    this.maxChars = options.maxChars ?? 16 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  /** Stores `document` and returns the path it is served at (under PREVIEW_FRAME_PATH). */
  publish(document: string): string {
    if (document.length > this.maxChars) throw new RangeError('The preview is too large to show with remote images.');
    this.prune();
    const id = randomBytes(24).toString('base64url');
    this.frames.set(id, { document, expires: this.now() + this.ttlMs });
    // Map keeps insertion order: the first keys are the oldest.
    for (const oldest of this.frames.keys()) {
      if (this.frames.size <= this.maxFrames) break;
      this.frames.delete(oldest);
    }
    return `${PREVIEW_FRAME_PATH}${id}`;
  }

  /** The document served at `pathname`, or undefined when unknown or expired. */
  lookup(pathname: string): string | undefined {
    if (!pathname.startsWith(PREVIEW_FRAME_PATH)) return undefined;
    const frame = this.frames.get(pathname.slice(PREVIEW_FRAME_PATH.length));
    if (!frame || frame.expires <= this.now()) return undefined;
    return frame.document;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, frame] of this.frames) if (frame.expires <= now) this.frames.delete(id);
  }
}

/** Headers of a served preview frame, in both hosts. */
export function previewFrameHeaders(): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PREVIEW_FRAME_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
