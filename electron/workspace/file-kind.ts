import Database from 'better-sqlite3';
import fs from 'node:fs';

/**
 * Which files Tailor may write to. Decided from bytes read without opening
 * the file through SQLite: even a read-only SQLite connection to a WAL-mode
 * database creates -wal and -shm files beside it, so a foreign database would
 * be changed just by looking at it.
 */

/** `PRAGMA application_id` of every Tailor workspace: ASCII "TLR1". */
export const TAILOR_APPLICATION_ID = 0x544c5231;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;
/** Offsets in the SQLite file header (https://sqlite.org/fileformat.html#the_database_header). */
const USER_VERSION_OFFSET = 60;
const APPLICATION_ID_OFFSET = 68;
const WRITE_VERSION_OFFSET = 18;
const READ_VERSION_OFFSET = 19;

/**
 * The tables every workspace made before workspaces carried an application_id
 * has. A file with all of them and a user_version Tailor knows is taken as one
 * of ours and marked on open.
 */
const LEGACY_TABLES = [
  'customers',
  'customer_fields',
  'orders',
  'events',
  'imports',
  'import_rejections',
  'import_staging',
  'templates',
  'segments',
  'personas',
] as const;

/** Earlier versions wrote their schema in the first transaction, so it sits in the first pages of the file. */
const LEGACY_SCHEMA_PROBE_BYTES = 8 * 1024 * 1024;

export type FileKind =
  | { kind: 'tailor'; userVersion: number }
  /** Has no application_id but may be a workspace from an earlier Tailor: check its schema. */
  | { kind: 'maybe-legacy'; userVersion: number }
  | { kind: 'foreign'; what: string };

/** Pure decision over the first 100 bytes of a file (fewer if the file is shorter). */
export function classifyHeader(header: Buffer, schemaVersion: number): FileKind {
  if (header.length === 0) return { kind: 'foreign', what: 'an empty file' };
  if (header.length < HEADER_BYTES || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    return { kind: 'foreign', what: 'not a SQLite database' };
  }
  const applicationId = header.readUInt32BE(APPLICATION_ID_OFFSET);
  const userVersion = header.readUInt32BE(USER_VERSION_OFFSET);
  if (applicationId === TAILOR_APPLICATION_ID) return { kind: 'tailor', userVersion };
  if (applicationId !== 0) {
    return { kind: 'foreign', what: `a SQLite database made by another program (application id 0x${applicationId.toString(16)})` };
  }
  if (userVersion >= 1 && userVersion <= schemaVersion) return { kind: 'maybe-legacy', userVersion };
  return { kind: 'foreign', what: 'a SQLite database made by another program' };
}

/** The first bytes of a file, read without changing it. */
export function readHeader(file: string, bytes = HEADER_BYTES): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether a file without an application_id holds an earlier Tailor's schema.
 * Reads a copy of its first pages into memory and inspects that, so the file
 * itself (and the folder around it) is never touched.
 */
export function hasLegacySchema(file: string): boolean {
  const copy = readHeader(file, LEGACY_SCHEMA_PROBE_BYTES);
  // An in-memory database cannot be in WAL mode; mark the copy as rollback-journal so SQLite will read it.
  copy[WRITE_VERSION_OFFSET] = 1;
  copy[READ_VERSION_OFFSET] = 1;
  let db: Database.Database | null = null;
  try {
    db = new Database(copy);
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    return LEGACY_TABLES.every((table) => tables.has(table));
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
