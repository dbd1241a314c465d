#!/usr/bin/env node
/*
 * `npm start [workspace.tailor] [--browser]`: build when the sources changed,
 * then open the desktop app, or browser mode where Electron cannot run
 * (its runtime is missing and cannot be fetched, or there is no display).
 * Plain Node, no dependencies, so it works before anything is built.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(root, 'dist');
const stampFile = path.join(distDir, '.build-stamp');
const electronDir = path.join(root, 'node_modules', 'electron');
const fetchMarker = path.join(root, 'node_modules', '.cache', 'tailor', 'electron-fetch.json');
const FETCH_TIMEOUT_MS = 60_000;

const SOURCE_DIRS = ['renderer', 'shared', 'electron', 'assets'];
const SOURCE_FILES = [
  'index.html',
  'vite.config.ts',
  'vite.config.mts',
  'vite.preload.config.ts',
  'vite.preload.config.mts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];
/** What each mode runs; a build that lacks them is not a build. */
const BUILD_OUTPUTS = [
  'dist/node/electron/main/main.js',
  'dist/node/electron/cli/main.js',
  'dist/preload/preload.cjs',
  'dist/renderer/index.html',
];

const say = (message) => console.log(`tailor: ${message}`);

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

/** The first source file newer than `since` (ms), or undefined. Skips dot-folders and node_modules. */
function newerSource(since) {
  const isNewer = (file) => {
    try {
      return fs.statSync(file).mtimeMs > since;
    } catch {
      return false;
    }
  };
  for (const name of SOURCE_FILES) {
    const file = path.join(root, name);
    if (isNewer(file)) return name;
  }
  const stack = SOURCE_DIRS.map((dir) => path.join(root, dir));
  while (stack.length > 0) {
    const dir = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (isNewer(full)) return path.relative(root, full);
    }
  }
  return undefined;
}

function buildReason() {
  const missing = BUILD_OUTPUTS.find((file) => !fs.existsSync(path.join(root, file)));
  if (missing) return `${missing} is missing`;
  let stamp;
  try {
    stamp = fs.statSync(stampFile).mtimeMs;
  } catch {
    return 'there is no record of a finished build';
  }
  const changed = newerSource(stamp);
  return changed ? `${changed} changed since the last build` : undefined;
}

function ensureBuilt() {
  const reason = buildReason();
  if (!reason) return;
  say(`building first (${reason})...`);
  // Stamped with the start time, so files saved during the build count as changed next time.
  const startedAt = new Date();
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('tailor: the build failed (see above); fix it and run `npm start` again.');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stampFile, `${startedAt.toISOString()}\n`);
  fs.utimesSync(stampFile, startedAt, startedAt);
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

/** Runs a child in the foreground: Ctrl+C reaches it through the terminal, and its exit code becomes ours. */
function runForeground(command, args, env = process.env) {
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
