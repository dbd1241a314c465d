import { run, type CliIo } from '../../electron/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function collector(): { stream: { write(chunk: string): boolean; isTTY: boolean }; text: () => string } {
  let text = '';
  return {
    stream: {
      isTTY: false,
      write(chunk: string) {
        text += chunk;
        return true;
      },
    },
    text: () => text,
  };
}

/** Run the `tailor` CLI in process, capturing what it prints and its exit code. */
export async function cli(args: string[], extra: Partial<CliIo> = {}): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const code = await run(args, { stdout: stdout.stream, stderr: stderr.stream, ...extra });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
