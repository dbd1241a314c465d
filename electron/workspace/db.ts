import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../shared/contract/envelope';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

/** Tailor workspaces are SQLite files; this is the header every SQLite 3 file starts with. */
const SQLITE_HEADER = 'SQLite format 3\u0000';

export const nowIso = (): string => new Date().toISOString();

function looksLikeSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return n === 0 || buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new ContractError(
      'bad_file',
      `${file} was saved by a newer version of Tailor (schema ${current}, this version knows ${SCHEMA_VERSION}). Update Tailor to open it.`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/**
 * Open (or create, when `create` is set) a workspace file: WAL so readers never
 * block the writer, foreign keys on, migrations applied. Jobs that were running
 * when the process died leave staged rows behind; those are cleared here.
 */
export function openDatabase(file: string, { create }: { create: boolean }): Db {
  const resolved = path.resolve(file);
  const exists = fs.existsSync(resolved);
  if (!exists && !create) {
    throw new ContractError('not_found', `No workspace at ${resolved}. Check the path, or create a new workspace there.`);
  }
  if (exists && fs.statSync(resolved).isDirectory()) {
    throw new ContractError('bad_file', `${resolved} is a folder. Pick a .tailor workspace file inside it.`);
  }
  if (exists && !looksLikeSqlite(resolved)) {
    throw new ContractError('bad_file', `${resolved} is not a Tailor workspace (it is not a SQLite database).`);
  }
  if (!exists) fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const db = new Database(resolved);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, resolved);
    recoverInterruptedJobs(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** An import cut off by a crash or kill never touched customers; drop its staging and mark it. */
function recoverInterruptedJobs(db: Db): void {
  db.transaction(() => {
    const running = db.prepare(`SELECT id FROM imports WHERE status = 'running'`).pluck().all() as number[];
    for (const id of running) {
      db.prepare('DELETE FROM import_staging WHERE import_id = ?').run(id);
      db.prepare(
        `UPDATE imports SET status = 'interrupted', finished_at = ?, message = 'Tailor stopped before this import finished; nothing from it was imported.' WHERE id = ?`,
      ).run(nowIso(), id);
    }
  })();
}
