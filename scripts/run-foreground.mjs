import { spawn } from 'node:child_process';
import { root } from './ensure-built.mjs';

/** Runs a child in the foreground: Ctrl+C reaches it through the terminal, and its exit code becomes ours. */
export function runForeground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(`tailor: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
