import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../shared/contract/envelope';
import { makeDirs } from '../services/make-dirs';
import { compactIfWasteful } from './compact';
import { fieldCatalogue } from './customers-repo';
import { classifyHeader, hasLegacySchema, readHeader, TAILOR_APPLICATION_ID } from './file-kind';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { backfillTypedValues } from './typed-values';

export type Db = Database.Database;

export const nowIso = (): string => new Date().toISOString();

const newerVersion = (file: string, version: number): ContractError =>
  new ContractError(
    'bad_file',
    `${file} was saved by a newer version of Tailor (schema ${version}, this version knows ${SCHEMA_VERSION}). Update Tailor to open it.`,
  );

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw newerVersion(file, current);
  // New files and workspaces from before the mark get it here, in the same first write as the migrations.
  if (db.pragma('application_id', { simple: true }) !== TAILOR_APPLICATION_ID) db.pragma(`application_id = ${TAILOR_APPLICATION_ID}`);
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

const refuse = (file: string, what: string): ContractError =>
  new ContractError(
    'bad_file',
    `${file} is not a Tailor workspace (${what}), so Tailor left it unchanged. Open a .tailor file, or create a new workspace to import your data into.`,
  );

/**
 * Decide, reading bytes only, whether an existing file may be opened for
 * writing. Nothing that is not ours gets a WAL switch, a migration or a lock
 * file: the check runs before SQLite opens it at all.
 */
function checkOurs(file: string): void {
  const found = classifyHeader(readHeader(file), SCHEMA_VERSION);
  if (found.kind === 'foreign') throw refuse(file, found.what);
  if (found.kind === 'tailor' && found.userVersion > SCHEMA_VERSION) throw newerVersion(file, found.userVersion);
  if (found.kind === 'maybe-legacy' && !hasLegacySchema(file)) throw refuse(file, 'a SQLite database made by another program');
}

/** Create the file exclusively, so a file that appeared meanwhile is never taken over. */
function createEmpty(file: string): void {
  try {
    makeDirs(path.dirname(file));
    fs.closeSync(fs.openSync(file, 'wx'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new ContractError('conflict', `${file} already exists. Open it, or pick another name for the new workspace.`);
    throw new ContractError('bad_file', `Cannot create ${file}: ${(error as Error).message}. Pick a folder you can write to.`);
  }
}

/**
 * Open (or create, when `create` is set and nothing is there) a workspace
 * file: WAL so readers never block the writer, foreign keys on, migrations
 * applied. An existing file must be a Tailor workspace, even an empty one:
 * only a file this call created starts empty. Jobs that were running when
 * the process died leave staged rows behind; those are cleared here.
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
  if (exists) checkOurs(resolved);
  else createEmpty(resolved);
  const db = new Database(resolved, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, resolved);
    backfillTypedValues(db, () => fieldCatalogue(db));
    if (recoverInterruptedJobs(db) > 0) compactIfWasteful(db);
    return db;
  } catch (error) {
    db.close();
    if (!exists) fs.rmSync(resolved, { force: true });
    throw error;
  }
}

/** An import cut off by a crash or kill never touched customers; drop its staging and mark it. */
function recoverInterruptedJobs(db: Db): number {
  return db.transaction(() => {
    const running = db.prepare(`SELECT id FROM imports WHERE status = 'running'`).pluck().all() as number[];
    for (const id of running) {
      db.prepare('DELETE FROM import_staging WHERE import_id = ?').run(id);
      db.prepare(
        `UPDATE imports SET status = 'interrupted', finished_at = ?, message = 'Tailor stopped before this import finished; nothing from it was imported.' WHERE id = ?`,
      ).run(nowIso(), id);
    }
    return running.length;
  })();
}
