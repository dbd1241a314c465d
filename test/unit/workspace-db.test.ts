import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/envelope';
import { nowIso, openDatabase } from '../../electron/workspace/db';
import { SCHEMA_VERSION } from '../../electron/workspace/migrations';
import { createApp } from '../../electron/services/app';
import { tempDir } from '../support/temp';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof ContractError ? error.code : `not a ContractError: ${String(error)}`;
  }
  return undefined;
};

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
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file, { create: false })).toThrow(/newer version of Tailor/);
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
