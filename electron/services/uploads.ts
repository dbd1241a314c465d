import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Files a browser uploads for import (browser mode cannot hand us a path).
 * They hold customer data, so each is deleted as soon as the import that
 * read it ends, and the whole folder when the app closes.
 */
export class UploadStaging {
  private dir: string | null = null;

  /** A fresh path for an upload named `name`, inside the private staging folder. */
  pathFor(name: string): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-uploads-'));
    const safe = path.basename(name).replace(/[^\w.\- ]+/g, '_') || 'upload.csv';
    return path.join(this.dir, `${randomUUID()}-${safe}`);
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
