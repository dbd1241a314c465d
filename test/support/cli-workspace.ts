import path from 'node:path';
import { expect } from 'vitest';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { cli } from './cli-runner';
import { tempDir } from './temp';

/**
 * A workspace made by `tailor init` in a temp folder (with its own data
 * folder), filled by `fill` through a connection closed before the CLI
 * opens it. Returns the folder and the workspace file.
 */
export async function cliWorkspace(fill: (db: Db) => void): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const file = path.join(dir, 'shop.tailor');
  expect((await cli(['init', file])).code).toBe(0);
  const db = openDatabase(file, { create: false });
  try {
    fill(db);
  } finally {
    db.close();
  }
  return { dir, file };
}
