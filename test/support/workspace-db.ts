import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { tempDir } from './temp';

export interface WorkspaceDb {
  /** This test's workspace, opened directly (no app, no hosts). */
  readonly db: Db;
  /** Its folder, removed after the test. */
  readonly dir: string;
  /** Write `text` to a file named `name` beside the workspace; returns its path. */
  csv(name: string, text: string | Buffer): string;
  /** The single number a query returns (a count). */
  count(sql: string, ...params: unknown[]): number;
}

/** A fresh workspace file for every test of the calling suite, closed after each. */
export function useWorkspaceDb(prefix = 'tailor-db-'): WorkspaceDb {
  let current: { db: Db; dir: string } | null = null;
  const live = () => {
    if (current === null) throw new Error('useWorkspaceDb: read inside a test, not at module level');
    return current;
  };
  beforeEach(() => {
    const dir = tempDir(prefix);
    current = { dir, db: openDatabase(path.join(dir, 'workspace.tailor'), { create: true }) };
  });
  afterEach(() => {
    current?.db.close();
    current = null;
  });
  return {
    get db() {
      return live().db;
    },
    get dir() {
      return live().dir;
    },
    count(sql, ...params) {
      return live()
        .db.prepare(sql)
        .pluck()
        .get(...params) as number;
    },
    csv(name, text) {
      const file = path.join(live().dir, name);
      fs.writeFileSync(file, text);
      return file;
    },
  };
}
