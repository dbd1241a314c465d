import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { run } from '../../electron/cli/main';
import { isWasteful, spaceUse } from '../../electron/workspace/compact';
import { nowIso, openDatabase } from '../../electron/workspace/db';
import { readHeader, TAILOR_APPLICATION_ID } from '../../electron/workspace/file-kind';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/workspace/migrations';
import { WorkspaceSession } from '../../electron/workspace/session';
import { createApp } from '../../electron/services/app';
import { tempDir } from '../support/temp';
import { codeOf } from '../support/contract-error';

describe('workspace file', () => {
  it('is created with WAL, foreign keys and the current schema version', () => {
    const file = path.join(tempDir(), 'nested', 'shop.tailor');
    const db = openDatabase(file, { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['customers', 'orders', 'events', 'templates', 'segments', 'personas', 'imports']));
    db.close();
  });

  it('refuses what is not a workspace, with a message naming the file', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.tailor');
    fs.writeFileSync(text, 'hello, this is not SQLite at all');
    expect(codeOf(() => openDatabase(text, { create: false }))).toBe('bad_file');
    expect(codeOf(() => openDatabase(dir, { create: false }))).toBe('bad_file');
    expect(codeOf(() => openDatabase(path.join(dir, 'missing.tailor'), { create: false }))).toBe('not_found');
    expect(fs.readFileSync(text, 'utf8')).toBe('hello, this is not SQLite at all');
  });

  it('refuses a workspace written by a newer Tailor instead of damaging it', () => {
    const file = path.join(tempDir(), 'future.tailor');
    const raw = new Database(file);
    raw.pragma(`application_id = ${TAILOR_APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = snapshot(file);
    expect(() => openDatabase(file, { create: false })).toThrow(/newer version of Tailor/);
    expect(snapshot(file)).toEqual(before);
  });

  it('marks new workspaces as Tailor files with an application id', () => {
    const file = path.join(tempDir(), 'marked.tailor');
    openDatabase(file, { create: true }).close();
    expect(readHeader(file).readUInt32BE(68)).toBe(TAILOR_APPLICATION_ID);
  });

  it('adopts a workspace made before workspaces were marked, recognised by its schema', () => {
    const file = path.join(tempDir(), 'legacy.tailor');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec(MIGRATIONS[0] ?? '');
    raw.pragma('user_version = 1');
    raw.prepare(`INSERT INTO templates (name, source, created_at, updated_at) VALUES ('Kept', '<p>hi</p>', 'x', 'x')`).run();
    raw.close();
    expect(readHeader(file).readUInt32BE(68)).toBe(0);

    const db = openDatabase(file, { create: false });
    expect(db.pragma('application_id', { simple: true })).toBe(TAILOR_APPLICATION_ID);
    expect(db.prepare('SELECT name FROM templates').pluck().all()).toEqual(['Kept']);
    db.close();
  });

  it('marks an import that was running when the process died as interrupted and drops its staged rows', () => {
    const file = path.join(tempDir(), 'crash.tailor');
    const db = openDatabase(file, { create: true });
    const id = db
      .prepare(
        `INSERT INTO imports (kind, file_name, file_path, status, started_at) VALUES ('customers', 'a.csv', '/tmp/a.csv', 'running', ?)`,
      )
      .run(nowIso()).lastInsertRowid;
    db.prepare('INSERT INTO import_staging (import_id, line, record) VALUES (?, 2, ?)').run(id, '{}');
    db.close(); // as if killed: the import never finished

    const reopened = openDatabase(file, { create: false });
    expect(reopened.prepare('SELECT status FROM imports WHERE id = ?').pluck().get(id)).toBe('interrupted');
    expect(reopened.prepare('SELECT count(*) FROM import_staging').pluck().get()).toBe(0);
    expect(reopened.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    reopened.close();
  });
});

/** A file's bytes (as a hash) and every name in its folder, so a sidecar -wal or -shm shows up too. */
function snapshot(file: string): { sha256: string; folder: string[] } {
  return {
    sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    folder: fs.readdirSync(path.dirname(file)).sort(),
  };
}

/** Files that are not workspaces, each in a folder of its own. */
const FOREIGN_FILES: Record<string, (file: string) => void> = {
  'a SQLite database with its own tables (rollback journal)': (file) => {
    const db = new Database(file);
    db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');`);
    db.close();
  },
  "a browser's places.sqlite (WAL, a user_version Tailor also uses)": (file) => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, fk INTEGER);
      INSERT INTO moz_places (url) VALUES ('https://example.com/');`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.close();
  },
  'a WAL-mode database of another program': (file) => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE things (x); INSERT INTO things VALUES (1);`);
    db.pragma('user_version = 77');
    db.pragma('application_id = 1234');
    db.close();
  },
  'an empty file': (file) => fs.writeFileSync(file, ''),
  'a text file': (file) => fs.writeFileSync(file, 'hello, this is not SQLite at all\n'),
};

function foreignFile(describe: string): string {
  const file = path.join(tempDir(), 'places.sqlite');
  FOREIGN_FILES[describe]?.(file);
  return file;
}

describe('a file that is not a workspace', () => {
  for (const kind of Object.keys(FOREIGN_FILES)) {
    it(`is refused unchanged through openDatabase, workspace.open and the CLI: ${kind}`, async () => {
      const file = foreignFile(kind);
      const before = snapshot(file);

      expect(() => openDatabase(file, { create: false })).toThrow(/is not a Tailor workspace \(.+\), so Tailor left it unchanged/);
      expect(() => openDatabase(file, { create: true })).toThrow(/is not a Tailor workspace/);
      expect(snapshot(file)).toEqual(before);

      process.env.TAILOR_HOME = path.join(tempDir(), 'home');
      const app = createApp({ host: 'direct', nativeDialogs: false });
      try {
        await expect(app.client.call('workspace.open', { path: file })).rejects.toMatchObject({ code: 'bad_file' });
      } finally {
        await app.close();
      }
      expect(snapshot(file)).toEqual(before);

      const stderr: string[] = [];
      const code = await run(['templates', file], {
        stdout: { write: () => true },
        stderr: { write: (chunk: string) => stderr.push(chunk) },
      });
      expect(code).toBe(1);
      expect(stderr.join('')).toContain(file);
      expect(snapshot(file)).toEqual(before);
    });
  }
});

describe('compaction', () => {
  it('gives free pages back on request and automatically when much of the file is free', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const file = path.join(dir, 'big.tailor');
    const db = openDatabase(file, { create: true });
    const insert = db.prepare(`INSERT INTO customers (id, email, created_at, updated_at, attributes) VALUES (?, ?, 'x', 'x', ?)`);
    const padding = JSON.stringify({ note: 'x'.repeat(400) });
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`C-${i}`, `c${i}@example.com`, padding);
    })();
    db.exec('DELETE FROM customers');
    expect(isWasteful(spaceUse(db))).toBe(true);
    db.close();
    const bloated = fs.statSync(file).size;

    // On open: a file left with mostly free pages is compacted on the next close.
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.open', { path: file });
      const result = await app.client.call('workspace.compact', {});
      expect(result.after).toBeLessThan(result.before / 4);
    } finally {
      await app.close();
    }
    expect(fs.statSync(file).size).toBeLessThan(bloated / 4);

    // Automatically: the same waste again, and a plain close gives it back.
    const again = openDatabase(file, { create: false });
    again.transaction(() => {
      for (let i = 0; i < 20_000; i++)
        again
          .prepare(`INSERT INTO customers (id, email, created_at, updated_at, attributes) VALUES (?, ?, 'x', 'x', ?)`)
          .run(`C-${i}`, `c${i}@example.com`, padding);
    })();
    again.exec('DELETE FROM customers');
    again.close();
    const session = new WorkspaceSession();
    session.open(file, { create: false });
    session.close();
    expect(fs.statSync(file).size).toBeLessThan(bloated / 4);
  });
});

describe('an interrupted import', () => {
  it('has its staged rows dropped and their space given back on the next open', () => {
    const file = path.join(tempDir(), 'killed.tailor');
    const db = openDatabase(file, { create: true });
    const id = db
      .prepare(
        `INSERT INTO imports (kind, file_name, file_path, status, started_at) VALUES ('customers', 'big.csv', '/tmp/big.csv', 'running', ?)`,
      )
      .run(nowIso()).lastInsertRowid;
    const stage = db.prepare('INSERT INTO import_staging (import_id, line, record) VALUES (?, ?, ?)');
    const record = JSON.stringify({ note: 'y'.repeat(400) });
    db.transaction(() => {
      for (let line = 2; line < 20_000; line++) stage.run(id, line, record);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close(); // as if killed mid-import
    const staged = fs.statSync(file).size;
    expect(staged).toBeGreaterThan(4 * 1024 * 1024);

    const reopened = openDatabase(file, { create: false });
    expect(reopened.prepare('SELECT count(*) FROM import_staging').pluck().get()).toBe(0);
    reopened.close();
    expect(fs.statSync(file).size).toBeLessThan(staged / 4);
  });
});

describe('workspace handlers', () => {
  it('create, reopen and list recent workspaces; refuse to overwrite an existing file', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      const a = await app.client.call('workspace.create', { path: path.join(dir, 'a') });
      expect(a.path).toBe(path.join(dir, 'a.tailor'));
      expect(a.counts.customers).toBe(0);
      const b = await app.client.call('workspace.create', { path: path.join(dir, 'b.tailor'), demo: true });
      expect(b.counts.customers).toBeGreaterThan(1000);
      await expect(app.client.call('workspace.create', { path: a.path })).rejects.toMatchObject({ code: 'conflict' });
      const reopened = await app.client.call('workspace.open', { path: a.path });
      expect(reopened.name).toBe('a');
      // A path that cannot be opened leaves the current workspace as it was.
      await expect(app.client.call('workspace.open', { path: path.join(dir, 'nope.tailor') })).rejects.toMatchObject({ code: 'not_found' });
      expect((await app.client.call('workspace.current', {}))?.path).toBe(a.path);
      const recent = await app.client.call('workspace.recent', {});
      expect(recent.map((r) => r.name)).toEqual(['a', 'b']);
      expect(recent.every((r) => r.exists)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
