'use strict';
/*
 * Shared by the electron-builder hooks (before-pack.cjs, after-pack.cjs):
 * better-sqlite3 must be compiled for Electron's ABI inside the package, and
 * for Node's ABI in the dev tree (vitest, the CLI). The Node build is set
 * aside before the Electron rebuild and put back afterwards, so restoring is
 * a file copy that needs neither a compiler nor the network.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const MODULE = 'better-sqlite3';
const HEADERS_URL = 'https://electronjs.org/headers';

function moduleDir(projectDir) {
  return path.dirname(require.resolve(`${MODULE}/package.json`, { paths: [projectDir] }));
}

const binaryPath = (projectDir) => path.join(moduleDir(projectDir), 'build', 'Release', 'better_sqlite3.node');
const backupDir = (projectDir) => path.join(projectDir, 'node_modules', '.cache', 'tailor', `${MODULE}-node-build`);

/**
 * The NODE_MODULE_VERSION a compiled addon was built for, read from the
 * `node_register_module_v<ABI>` symbol every non-N-API addon exports (ELF,
 * Mach-O and PE alike), so no runtime has to load it. Null when unreadable.
 */
function readAddonAbi(file) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  const found = new Set();
  for (const match of bytes.toString('latin1').matchAll(/node_register_module_v(\d+)/g)) found.add(Number(match[1]));
  return found.size === 1 ? [...found][0] : null;
}

/** Electron's NODE_MODULE_VERSION: node-abi when it knows the version, else the abi_version file the electron package ships. */
function electronAbi(projectDir, electronVersion) {
  try {
    const nodeAbi = require(require.resolve('node-abi', { paths: [projectDir] }));
    return Number(nodeAbi.getAbi(electronVersion, 'electron'));
  } catch {
    // node-abi is missing or older than this Electron: fall through.
  }
  try {
    const electronDir = path.dirname(require.resolve('electron/package.json', { paths: [projectDir] }));
    const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
    const abi = Number(fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim());
    if (version === electronVersion && Number.isInteger(abi) && abi > 0) return abi;
  } catch {
    // No abi_version file either.
  }
  throw new Error(
    `Cannot tell which NODE_MODULE_VERSION Electron ${electronVersion} uses: update node-abi (npm install --save-dev node-abi@latest).`,
  );
}

const NODE_ABI = Number(process.versions.modules);

/** Copies the dev tree's Node build aside, unless what is there now is not a Node build (a pack that died half-way). */
function backupNodeBuild(projectDir) {
  const buildDir = path.join(moduleDir(projectDir), 'build');
  const backup = backupDir(projectDir);
  const current = readAddonAbi(binaryPath(projectDir));
  if (current === NODE_ABI) {
    fs.rmSync(backup, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    fs.cpSync(buildDir, backup, { recursive: true });
    return;
  }
  if (!fs.existsSync(backup)) {
    throw new Error(
      `${MODULE} in node_modules is built for NODE_MODULE_VERSION ${current ?? 'unknown'}, not Node's ${NODE_ABI}, ` +
        `and there is no saved Node build to return to afterwards. Run \`npm rebuild ${MODULE}\` and package again.`,
    );
  }
}

/** Puts the Node build back. Synchronous so it can also run from a process 'exit' handler. Returns whether anything was restored. */
function restoreNodeBuild(projectDir, log = console.log) {
  const backup = backupDir(projectDir);
  const buildDir = path.join(moduleDir(projectDir), 'build');
  if (fs.existsSync(backup)) {
    fs.rmSync(buildDir, { recursive: true, force: true });
    fs.cpSync(backup, buildDir, { recursive: true });
    fs.rmSync(backup, { recursive: true, force: true });
    log(`  • restored the Node build of ${MODULE} (NODE_MODULE_VERSION ${readAddonAbi(binaryPath(projectDir))})`);
    return true;
  }
  if (readAddonAbi(binaryPath(projectDir)) === NODE_ABI) return false;
  // No copy to restore (deleted by hand?): compile again, with the user's own npm settings.
  log(`  • rebuilding ${MODULE} for Node ${process.version}`);
  const result = spawnSync('npm', ['rebuild', MODULE], {
    cwd: projectDir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`\`npm rebuild ${MODULE}\` failed; run it by hand before \`npm test\`.`);
  return true;
}

module.exports = {
  MODULE,
  HEADERS_URL,
  NODE_ABI,
  binaryPath,
  readAddonAbi,
  electronAbi,
  backupNodeBuild,
  restoreNodeBuild,
};

// `node scripts/native-abi.cjs restore`: put the Node build back by hand after an interrupted pack.
if (require.main === module) {
  const projectDir = path.resolve(__dirname, '..');
  if (process.argv[2] === 'restore') restoreNodeBuild(projectDir);
  else console.log(`${MODULE}: NODE_MODULE_VERSION ${readAddonAbi(binaryPath(projectDir)) ?? 'unknown'} (Node here: ${NODE_ABI})`);
}
