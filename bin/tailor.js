#!/usr/bin/env node
'use strict';
// The `tailor` command: runs the compiled CLI (dist/node), which `npm run build` produces.
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'node', 'electron', 'cli', 'main.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    `tailor: the command line is not built yet (no ${cli}).\nRun \`npm run build\` (or \`npm run build:node\`) in ${path.dirname(__dirname)} first.\n`,
  );
  process.exit(1);
}
const { main } = require(cli);
void main();
