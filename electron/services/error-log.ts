import crypto from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { tailorHome } from './paths';

/** Where internal errors are written: `<Tailor's data folder>/logs/tailor.log`, rotated at 1 MB, five kept. */
export const errorLogPath = (): string => path.join(tailorHome(), 'logs', 'tailor.log');

/** Six hex digits: short enough to read out, enough to find the one entry in a log. */
export const newErrorId = (): string => crypto.randomBytes(3).toString('hex').toUpperCase();

/**
 * An error as the log should keep it. One thrown in a worker thread can arrive
 * as a plain object (structured clone keeps an Error subclass's fields, not
 * its class), so its stack and message are read off it either way.
 */
function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  if (typeof error === 'object' && error !== null) {
    const { stack, message } = error as { stack?: unknown; message?: unknown };
    if (typeof stack === 'string') return stack;
    if (typeof message === 'string') return message;
    try {
      return JSON.stringify(error);
    } catch {
      // Not serialisable (a cycle): fall through to its string form.
    }
  }
  return String(error);
}

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
