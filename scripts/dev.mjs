#!/usr/bin/env node
/*
 * `npm run dev [workspace.tailor] [--open]`: the renderer from the Vite dev
 * server (hot reload) talking to the API of `tailor serve`, run from source
 * with tsx. The API host is told to accept the Vite origin (--dev-origin) and
 * prints the URL to open, which carries the session token and the API origin.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const argv = process.argv.slice(2);
const open = argv.includes('--open');
const workspaceArg = argv.find((arg) => !arg.startsWith('-'));
const workspace = workspaceArg === undefined ? undefined : path.resolve(process.env.INIT_CWD ?? process.cwd(), workspaceArg);

// Vite first: the API host must be told the origin Vite actually got (5173, or the next free port).
process.chdir(root);
const vite = await createServer({ server: { port: 5173, open: false } });
await vite.listen();
const local = vite.resolvedUrls?.local[0];
if (!local) {
  console.error('tailor dev: the Vite dev server did not report a local URL.');
  await vite.close();
  process.exit(1);
}
const devOrigin = new URL(local).origin;
console.log(`tailor dev: Vite serves the renderer on ${devOrigin}; starting the API host (open the URL it prints)...`);

const serveArgs = [tsxCli, 'electron/cli/main.ts', 'serve', ...(workspace ? [workspace] : []), '--dev-origin', devOrigin];
if (open) serveArgs.push('--open');
const host = spawn(process.execPath, serveArgs, { cwd: root, stdio: 'inherit' });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await vite.close();
  process.exit(code);
}

// Ctrl+C reaches the host through the terminal too; wait for it to close its workspace, then stop Vite.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => {
  if (host.exitCode === null) host.kill('SIGTERM');
});
host.on('error', (error) => {
  console.error(`tailor dev: could not start the API host: ${error.message}`);
  void stop(1);
});
host.on('exit', (code, signal) => void stop(code ?? (signal ? 1 : 0)));
