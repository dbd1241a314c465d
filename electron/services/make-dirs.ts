import fs from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p` that always ends. Node's recursive mkdir loops forever at 100%
 * CPU under /proc (the kernel answers ENOENT for a parent that exists), so
 * this walks up to the nearest existing folder itself and creates each
 * missing level with one plain mkdir, which fails at once where it must.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const stat = fs.statSync(current, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) {
        throw Object.assign(new Error(`${current} is a file, not a folder`), { code: 'ENOTDIR' });
      }
      break;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing.reverse()) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      // Another process may have made it meanwhile; anything else is final.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(level).isDirectory()) throw error;
    }
  }
}
