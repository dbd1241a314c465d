import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where Tailor keeps its own files (recent list, demo workspace). Matches
 * Electron's userData folder for the app name, so desktop and browser mode
 * share them. TAILOR_HOME overrides it (tests, portable installs).
 */
export function tailorHome(): string {
  const override = process.env.TAILOR_HOME;
  if (override) return path.resolve(override);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Tailor');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Tailor');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Tailor');
  }
}

export const demoWorkspacePath = (): string => path.join(tailorHome(), 'Demo.tailor');

/**
 * The folder holding Tailor's package.json: the repository when run from
 * source (tsx) or from dist/, the app.asar root when packaged.
 */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'tailor') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Tailor's package.json was not found above ${__dirname}.`);
    dir = parent;
  }
}

/** The built renderer (index.html and assets). */
export const rendererDir = (): string => path.join(packageRoot(), 'dist', 'renderer');

/** Bundled assets (starter templates, icons). */
export const assetsDir = (): string => path.join(packageRoot(), 'assets');

/** Tailor's version, from its package.json (npm_package_version is unset in the packaged app). */
export function appVersion(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return version ?? '0.0.0';
}
