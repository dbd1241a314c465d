#!/usr/bin/env node
/*
 * `npm run tailor -- <command> ...`: the CLI from source (tsx). `serve` also
 * needs the built browser UI, so for it this builds first when the sources
 * changed (the same check as `npm start`); other commands start at once.
 */
import path from 'node:path';
import { ensureBuilt, root } from './ensure-built.mjs';
import { runForeground } from './run-foreground.mjs';

const args = process.argv.slice(2);
// The CLI's commands come first (`tailor serve ./shop.tailor --port 4820`); options never precede them.
const command = args[0];
// With --dev-origin the Vite dev server serves the UI; --help needs nothing built.
const needsUi = command === 'serve' && !args.some((arg) => arg.startsWith('--dev-origin') || arg === '--help' || arg === '-h');
if (needsUi) ensureBuilt('npm run tailor -- serve');
runForeground(process.execPath, [
  path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
  path.join(root, 'electron', 'cli', 'main.ts'),
  ...args,
]);
