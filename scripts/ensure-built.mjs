/*
 * Rebuild when the sources changed since the last finished build. Shared by
 * `npm start` (scripts/start.mjs) and `npm run tailor` (scripts/tailor.mjs),
 * so `npm run tailor -- serve` right after `npm install` serves a built UI.
 * Plain Node, no dependencies, so it works before anything is built. Output
 * goes to stderr: `tailor serve --json` keeps stdout for its JSON.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFileIn = (dir) => path.join(dir, 'dist', '.build-stamp');

export const say = (message) => console.error(`tailor: ${message}`);

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

/** The first source file under `dir` newer than `since` (ms), or undefined. Skips dot-folders and node_modules. */
function newerSource(since, dir) {
  const isNewer = (file) => {
    try {
      return fs.statSync(file).mtimeMs > since;
    } catch {
      return false;
    }
  };
  for (const name of SOURCE_FILES) {
    const file = path.join(dir, name);
    if (isNewer(file)) return name;
  }
  const stack = SOURCE_DIRS.map((name) => path.join(dir, name));
  while (stack.length > 0) {
    const folder = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (isNewer(full)) return path.relative(dir, full);
    }
  }
  return undefined;
}

/** Why the checkout at `dir` needs a build, or undefined when its last build is current. */
export function buildReason(dir = root) {
  const missing = BUILD_OUTPUTS.find((file) => !fs.existsSync(path.join(dir, file)));
  if (missing) return `${missing} is missing`;
  let stamp;
  try {
    stamp = fs.statSync(stampFileIn(dir)).mtimeMs;
  } catch {
    return 'there is no record of a finished build';
  }
  const changed = newerSource(stamp, dir);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** Builds (npm run build) unless the last build is newer than every source; exits the process if the build fails. */
export function ensureBuilt(retry = 'npm start') {
  const reason = buildReason();
  if (!reason) return;
  say(`building first (${reason})...`);
  // Stamped with the start time, so files saved during the build count as changed next time.
  const startedAt = new Date();
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`tailor: the build failed (see above); fix it and run \`${retry}\` again.`);
    process.exit(result.status ?? 1);
  }
  const stampFile = stampFileIn(root);
  fs.writeFileSync(stampFile, `${startedAt.toISOString()}\n`);
  fs.utimesSync(stampFile, startedAt, startedAt);
}
