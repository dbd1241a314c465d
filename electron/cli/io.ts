import { ContractError } from '../../shared/contract/envelope';
import type { Launcher } from './open-browser';

/** The part of a stream the CLI writes to; process.stdout fits, and so does a string collector in tests. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /**
   * Aborting it acts like Ctrl+C: `import` cancels its job, `serve` shuts
   * down. Lets tests and embedders stop long commands without process signals.
   */
  interrupt?: AbortSignal;
  /** How `serve --open` starts the browser (tests pass a recorder instead of spawning). */
  launch?: Launcher;
}

/** Exit codes: scripts tell "fix your input" from "fix your command line" from "you stopped it". */
export const EXIT = { ok: 0, input: 1, usage: 2, interrupted: 130 } as const;

export const debugEnabled = (): boolean => process.env.TAILOR_DEBUG === '1';

/** What every command writes through: human lines, JSON documents, and errors in the shape --json promises. */
export class Output {
  constructor(
    readonly io: CliIo,
    readonly json: boolean,
  ) {}

  line(text = ''): void {
    this.io.stdout.write(`${text}\n`);
  }

  lines(texts: string[]): void {
    for (const text of texts) this.line(text);
  }

  /** Diagnostics and progress: never on stdout, which carries the HTML or JSON a script consumes. */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  document(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /**
   * Report a failure: `tailor: message` on stderr always, and with --json an
   * `{"error": …}` document on stdout so a script parsing stdout sees it too.
   */
  error(code: string, message: string, extra: Record<string, unknown> = {}): void {
    this.note(`tailor: ${message}`);
    if (this.json) this.document({ error: { code, message }, ...extra });
  }

  /** Any thrown value, as a user-facing error: contract errors carry their own code; anything else is a bug. */
  failure(error: unknown): number {
    if (error instanceof ContractError) {
      const body = error.toBody();
      this.note(`tailor: ${body.message}`);
      if (this.json) this.document({ error: body });
    } else {
      const message = error instanceof Error ? error.message : String(error);
      this.error('internal', message);
    }
    if (debugEnabled() && error instanceof Error && error.stack) this.note(error.stack);
    return EXIT.input;
  }
}
