'use strict';
/*
 * electron-builder beforePack hook (npmRebuild is off in electron-builder.yml,
 * so this is the only rebuild): compiles better-sqlite3 for the Electron being
 * packaged, then proves the binary really targets Electron's ABI before any
 * file is copied into the app. after-pack.cjs puts the Node build back.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  MODULE,
  HEADERS_URL,
  NODE_ABI,
  binaryPath,
  readAddonAbi,
  electronAbi,
  backupNodeBuild,
  restoreNodeBuild,
} = require('./native-abi.cjs');

/** builder-util's Arch enum, by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * npm hands its config to node-gyp as npm_config_* variables, and node-gyp
 * lets them override its command line. This machine's ~/.npmrc sets
 * nodedir=/usr, which silently turns an "Electron" rebuild into one against
 * Node's headers; so drop nodedir and pin what the build must target.
 */
function electronBuildEnv(electronVersion, arch) {
  const saved = { ...process.env };
  const drop = /^npm_config_(nodedir|runtime|target|disturl|dist_url|arch|build_from_source)$/i;
  for (const key of Object.keys(process.env)) if (drop.test(key)) delete process.env[key];
  Object.assign(process.env, {
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: HEADERS_URL,
    npm_config_arch: arch,
  });
  return () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  };
}

function electronBinary(projectDir) {
  try {
    const electronDir = path.dirname(require.resolve('electron/package.json', { paths: [projectDir] }));
    const executable = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(electronDir, 'dist', executable);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Second opinion where possible: load the addon in Electron itself (as Node, no window). Returns an error message or null. */
function loadInElectron(projectDir, addon) {
  const binary = electronBinary(projectDir);
  if (!binary) return null;
  const result = spawnSync(binary, ['-e', `require(${JSON.stringify(addon)})`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status === 0) return null;
  const detail = `${result.stderr ?? ''}`.split('\n').find((line) => /NODE_MODULE_VERSION|Error/.test(line));
  return detail?.trim() ?? `electron exited with ${result.status ?? result.signal}`;
}

let exitGuardInstalled = false;

module.exports = async function beforePack(context) {
  const projectDir = context.packager.projectDir;
  const electronVersion = context.packager.info.framework.version;
  const arch = ARCH_NAMES[context.arch];
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  if (!arch || arch === 'universal') {
    throw new Error(`Packaging for "${arch ?? context.arch}" is not supported: build one architecture at a time.`);
  }
  if (platform !== process.platform) {
    throw new Error(`${MODULE} is a native module and cannot be cross-compiled: package for ${platform} on ${platform}.`);
  }
  const targetAbi = electronAbi(projectDir, electronVersion);
  console.log(`  • rebuilding ${MODULE} for Electron ${electronVersion} (${platform}-${arch}, NODE_MODULE_VERSION ${targetAbi})`);

  backupNodeBuild(projectDir);
  if (!exitGuardInstalled) {
    // If packaging dies before afterPack, leave the dev tree usable for `npm test` anyway.
    exitGuardInstalled = true;
    process.once('exit', () => {
      try {
        restoreNodeBuild(projectDir);
      } catch (error) {
        console.error(`  ⨯ could not restore ${MODULE} for Node: ${error.message}`);
      }
    });
  }

  const restoreEnv = electronBuildEnv(electronVersion, arch);
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: projectDir, electronVersion, arch, platform, onlyModules: [MODULE], force: true });
  } catch (error) {
    restoreNodeBuild(projectDir);
    throw new Error(
      `Rebuilding ${MODULE} for Electron ${electronVersion} failed: ${error instanceof Error ? error.message : error}\n` +
        `It needs either a prebuilt binary or Electron's headers (${HEADERS_URL}) and a C++ toolchain.`,
    );
  } finally {
    restoreEnv();
  }

  const addon = binaryPath(projectDir);
  const builtAbi = readAddonAbi(addon);
  if (builtAbi !== targetAbi) {
    restoreNodeBuild(projectDir);
    const cause = builtAbi === NODE_ABI ? ` (Node's ABI: an npm nodedir/target setting won over the Electron rebuild)` : '';
    throw new Error(
      `${MODULE} was rebuilt for NODE_MODULE_VERSION ${builtAbi ?? 'unknown'}${cause}, but Electron ${electronVersion} ` +
        `needs ${targetAbi}. The package would crash at start, so packaging stops here.`,
    );
  }
  const loadError = loadInElectron(projectDir, addon);
  if (loadError) {
    restoreNodeBuild(projectDir);
    throw new Error(`Electron ${electronVersion} cannot load the rebuilt ${MODULE}: ${loadError}`);
  }
  console.log(`  • ${MODULE} targets NODE_MODULE_VERSION ${builtAbi}, as Electron ${electronVersion} needs`);
};
