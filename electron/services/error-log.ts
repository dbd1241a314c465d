import crypto from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { tailorHome } from './paths';

/** Where internal errors are written: `<Tailor's data folder>/logs/tailor.log`, rotated at 1 MB, five kept. */
export const errorLogPath = (): string => path.join(tailorHome(), 'logs', 'tailor.log');

/** Six hex digits: short enough to read out, enough to find the one entry in a log. */
export const newErrorId = (): string => crypto.randomBytes(3).toString('hex').toUpperCase();

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * The log of bugs (not user errors). Opened on the first entry, so a session
 * without internal errors never creates the file; a failure to write the log
 * is reported on stderr and never becomes a second error for the user.
 */
export class ErrorLog {
  private stream: RotatingFileStream | null = null;

  constructor(readonly file: string = errorLogPath()) {}

  record(id: string, where: string, error: unknown): void {
    const entry = `${new Date().toISOString()} error ${id} in ${where}\n${describe(error)}\n\n`;
    try {
      this.open().write(entry);
    } catch (writeError) {
      console.error(`tailor: could not write the error log ${this.file}: ${(writeError as Error).message}\n${entry}`);
    }
  }

  /** Flush and close; the next entry opens the file again. */
  async close(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    this.stream = null;
    const finished = once(stream, 'finish');
    stream.end();
    await finished;
  }

  private open(): RotatingFileStream {
    if (!this.stream) {
      const file = this.file;
      this.stream = createStream(path.basename(file), { path: path.dirname(file), size: '1M', maxFiles: 5 });
      this.stream.on('error', (error) => console.error(`tailor: the error log ${file} failed: ${error.message}`));
    }
    return this.stream;
  }
}
