import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Generous: a customer CSV of a few million rows fits; a runaway or hostile stream does not fill the disk. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const MAX_NAME_LENGTH = 100;
const FALLBACK_NAME = 'upload.csv';

/** An upload refused for its size; the host answers 413 with this message. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the ${formatBytes(maxBytes)} Tailor accepts in one upload.`);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

/**
 * A file name a browser sent, made safe to use as the last part of a local
 * path and to show: the last segment only (either slash), no control or
 * shell-special characters, no leading dots (no hidden files, no `..`), at
 * most 100 characters with the extension kept.
 */
export function safeUploadName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\- ]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(cleaned)) return FALLBACK_NAME;
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const ext = path.extname(cleaned).slice(0, 16);
  return cleaned.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}

/**
 * Files a browser uploads for import (browser mode cannot hand us a path).
 * They hold customer data, so each is deleted as soon as the import that
 * read it ends, and the whole folder when the app closes.
 */
export class UploadStaging {
  private dir: string | null = null;
  readonly maxBytes: number;

  constructor(options: { maxBytes?: number } = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  }

  /** A fresh path for an upload named `name`, inside the private (0700) staging folder. */
  pathFor(name: string): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-uploads-'));
    return path.join(this.dir, `${randomUUID()}-${safeUploadName(name)}`);
  }

  /**
   * Streams an upload to a fresh private file, refusing it (and removing what
   * was written) once it passes maxBytes, or at once if its declared length does.
   */
  async receive(body: AsyncIterable<Buffer>, name: string, declaredBytes?: number): Promise<{ path: string; name: string }> {
    const { maxBytes } = this;
    if (declaredBytes !== undefined && declaredBytes > maxBytes) throw new UploadTooLargeError(maxBytes);
    const staged = this.pathFor(name);
    // Created (exclusively, private) before any byte arrives, so removing it on failure cannot race its opening.
    const file = (await fs.promises.open(staged, 'wx', 0o600)).createWriteStream();
    try {
      await pipeline(
        body,
        async function* limit(source: AsyncIterable<Buffer>) {
          let size = 0;
          for await (const chunk of source) {
            size += chunk.length;
            if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
            yield chunk;
          }
        },
        file,
      );
    } catch (error) {
      fs.rmSync(staged, { force: true });
      throw error;
    }
    return { path: staged, name: safeUploadName(name) };
  }

  /** Whether `file` is one of ours (only those may be deleted after import). */
  owns(file: string): boolean {
    return this.dir !== null && path.dirname(path.resolve(file)) === this.dir;
  }

  discard(file: string): void {
    if (this.owns(file)) fs.rmSync(file, { force: true });
  }

  close(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
