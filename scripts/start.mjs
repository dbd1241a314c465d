#!/usr/bin/env node
/*
 * `npm start [workspace.tailor] [--browser]`: build when the sources changed,
 * then open the desktop app, or browser mode where Electron cannot run
 * (its runtime is missing and cannot be fetched, or there is no display).
 * Plain Node, no dependencies, so it works before anything is built.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt, root, say } from './ensure-built.mjs';
import { runForeground } from './run-foreground.mjs';

const electronDir = path.join(root, 'node_modules', 'electron');
const fetchMarker = path.join(root, 'node_modules', '.cache', 'tailor', 'electron-fetch.json');
const FETCH_TIMEOUT_MS = 60_000;

function parseArgs(argv) {
  const options = { browser: false, workspace: undefined, passThrough: [] };
  for (const arg of argv) {
    if (arg === '--browser') options.browser = true;
    else if (arg.startsWith('-')) options.passThrough.push(arg);
    else if (options.workspace === undefined) {
      // npm runs scripts from the package folder; INIT_CWD is where the user typed the command.
      options.workspace = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
    } else options.passThrough.push(arg);
  }
  return options;
}

function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Where Electron's runtime is, mirroring node_modules/electron/index.js but
 * without requiring it: since Electron 45 that require starts a download,
 * with no time limit, when the runtime is missing.
 */
function findElectron() {
  if (!electronVersion()) return { reason: 'the electron package is not installed' };
  let executable;
  try {
    executable = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return { reason: "Electron's runtime was never downloaded (its install step is disabled in package.json)" };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, executable || 'electron') : path.join(electronDir, 'dist', executable);
  return fs.existsSync(binary) ? { binary } : { reason: `Electron's runtime is missing (${binary})` };
}

/** One line out of an installer's output: the error if there is one, else its last words. */
function summarize(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((candidate) => /error/i.test(candidate)) ?? lines.at(-1) ?? 'no output';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function readFetchMarker() {
  try {
    return JSON.parse(fs.readFileSync(fetchMarker, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Tries the runtime download once per Electron version (TAILOR_FETCH_ELECTRON=1 tries again). Returns a reason on failure. */
function fetchElectron() {
  const version = electronVersion();
  const previous = readFetchMarker();
  if (previous?.version === version && process.env.TAILOR_FETCH_ELECTRON !== '1') {
    return `fetching it failed before (${previous.summary}); set TAILOR_FETCH_ELECTRON=1 to try again`;
  }
  say(`Electron's runtime is missing; trying to fetch it (up to ${FETCH_TIMEOUT_MS / 1000} s)...`);
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: FETCH_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const found = findElectron();
  if (found.binary) {
    fs.rmSync(fetchMarker, { force: true });
    return undefined;
  }
  const summary =
    result.error?.code === 'ETIMEDOUT'
      ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s`
      : result.error
        ? result.error.message
        : summarize(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
  fs.mkdirSync(path.dirname(fetchMarker), { recursive: true });
  fs.writeFileSync(fetchMarker, `${JSON.stringify({ version, at: new Date().toISOString(), summary })}\n`);
  return `fetching Electron's runtime failed: ${summary}`;
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function startDesktop(binary, options) {
  say(`starting the desktop app (Electron ${electronVersion()}).`);
  const env = { ...process.env };
  // Left over from editors' terminals, it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const args = ['.', ...options.passThrough, ...(options.workspace ? [options.workspace] : [])];
  runForeground(binary, args, env);
}

function startBrowser(reason, options) {
  say(`starting in browser mode, because ${reason}.`);
  if (options.passThrough.length > 0) say(`ignoring ${options.passThrough.join(' ')} (desktop-only arguments).`);
  const cli = path.join(root, 'dist', 'node', 'electron', 'cli', 'main.js');
  const args = [cli, 'serve', ...(options.workspace ? [options.workspace] : []), '--open'];
  runForeground(process.execPath, args);
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureBuilt();
  if (options.browser) return startBrowser('--browser was given', options);
  if (!hasDisplay()) return startBrowser('there is no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)', options);
  let found = findElectron();
  if (!found.binary && electronVersion()) {
    const failure = fetchElectron();
    if (failure) return startBrowser(`${found.reason}, and ${failure}`, options);
    found = findElectron();
  }
  if (!found.binary) return startBrowser(found.reason, options);
  return startDesktop(found.binary, options);
}

main();
