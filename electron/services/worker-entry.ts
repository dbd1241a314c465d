import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a worker-thread entry named `worker` next to `moduleFile` is, and how
 * Node must start it. Built code (dist, Electron) runs `worker.js` as is;
 * under tsx (`npm run tailor`, the bench) and vitest the caller is a .ts file,
 * and so is the worker, which then needs tsx's loader in its thread too.
 */
export function workerEntry(moduleFile: string, resolveTsx: () => string): { filename: string; execArgv: string[] } {
  const ext = path.extname(moduleFile);
  const filename = path.join(path.dirname(moduleFile), `worker${ext}`);
  if (ext !== '.ts') return { filename, execArgv: [] };
  return { filename, execArgv: ['--import', pathToFileURL(resolveTsx()).href] };
}
