import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/services/app';
import { nowIso, openDatabase, type Db } from '../../electron/workspace/db';
import { MIGRATIONS } from '../../electron/workspace/migrations';
import { COALESCE_MS, getVersion, listVersions, recordSave } from '../../electron/workspace/template-versions-repo';
import {
  checkpointTemplate,
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  listTrash,
  renameTemplate,
  restoreTemplate,
  restoreTemplateVersion,
  saveTemplate,
  uniqueTemplateName,
} from '../../electron/workspace/templates-repo';
import { tempDir } from '../support/temp';
import { codeOf } from '../support/contract-error';

const workspace = (): Db => openDatabase(path.join(tempDir(), 'history.tailor'), { create: true });

/** Pretend the newest version started `ms` ago, as if the author had been typing that long. */
const ageLatestVersion = (db: Db, templateId: number, ms: number) =>
  db
    .prepare('UPDATE template_versions SET created_at = ? WHERE id = (SELECT MAX(id) FROM template_versions WHERE template_id = ?)')
    .run(new Date(Date.now() - ms).toISOString(), templateId);

const sources = (db: Db, templateId: number) => listVersions(db, templateId).map((v) => getVersion(db, v.id).source);

describe('template history', () => {
  it('keeps the first text, and coalesces autosaves into one version while typing', () => {
    const db = workspace();
    const t = createTemplate(db, 'Welcome', 'v0');
    saveTemplate(db, t.id, 'v1');
    saveTemplate(db, t.id, 'v12');
    saveTemplate(db, t.id, 'v123');
    expect(sources(db, t.id)).toEqual(['v123', 'v0']);
    expect(listVersions(db, t.id).map((v) => v.kind)).toEqual(['edit', 'original']);
    db.close();
  });

  it('starts a new version once the open one is older than the coalescing window', () => {
    const db = workspace();
    const t = createTemplate(db, 'Welcome', 'v0');
    saveTemplate(db, t.id, 'v1');
    ageLatestVersion(db, t.id, COALESCE_MS + 1000);
    saveTemplate(db, t.id, 'v2');
    saveTemplate(db, t.id, 'v3');
    expect(sources(db, t.id)).toEqual(['v3', 'v1', 'v0']);
    db.close();
  });

  it('starts a new version after an explicit checkpoint (Ctrl+S, leaving the template)', () => {
    const db = workspace();
    const t = createTemplate(db, 'Welcome', 'v0');
    saveTemplate(db, t.id, 'v1');
    checkpointTemplate(db, t.id);
    checkpointTemplate(db, t.id); // nothing new to keep
    saveTemplate(db, t.id, 'v2');
    expect(sources(db, t.id)).toEqual(['v2', 'v1', 'v0']);
    db.close();
  });

  it('does not record a save that changes nothing', () => {
    const db = workspace();
    const t = createTemplate(db, 'Welcome', 'v0');
    saveTemplate(db, t.id, 'v0');
    expect(sources(db, t.id)).toEqual(['v0']);
    db.close();
  });

  it('keeps the text of a template saved before history existed', () => {
    const db = workspace();
    const id = Number(
      db
        .prepare('INSERT INTO templates (name, source, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run('Demo', 'demo text', nowIso(), nowIso()).lastInsertRowid,
    );
    saveTemplate(db, id, 'edited');
    expect(sources(db, id)).toEqual(['edited', 'demo text']);
    expect(listVersions(db, id).at(-1)?.kind).toBe('original');
    db.close();
  });

  it('restores an old version as a new save, which can itself be undone by restoring again', () => {
    const db = workspace();
    const t = createTemplate(db, 'Welcome', 'first draft');
    saveTemplate(db, t.id, 'second draft');
    const [second, first] = listVersions(db, t.id);
    const restored = restoreTemplateVersion(db, first!.id);
    expect(restored.source).toBe('first draft');
    expect(getTemplate(db, t.id).source).toBe('first draft');
    const [restore, beforeRestore] = listVersions(db, t.id);
    expect(restore).toMatchObject({ kind: 'restore', restoredFrom: first!.id });
    expect(beforeRestore!.id).toBe(second!.id);
    expect(getVersion(db, beforeRestore!.id).source).toBe('second draft');

    // Typing after a restore starts a new version; the restore stays as it was.
    saveTemplate(db, t.id, 'first draft, revised');
    expect(sources(db, t.id).slice(0, 2)).toEqual(['first draft, revised', 'first draft']);

    restoreTemplateVersion(db, second!.id);
    expect(getTemplate(db, t.id).source).toBe('second draft');
    expect(sources(db, t.id)).toEqual(['second draft', 'first draft, revised', 'first draft', 'second draft', 'first draft']);
    expect(codeOf(() => getVersion(db, 9999))).toBe('not_found');
    db.close();
  });

  it('decides coalescing by the time of each save', () => {
    const db = workspace();
    const t = createTemplate(db, 'Welcome', 'v0');
    recordSave(db, t.id, 'v0', 'v1', new Date());
    recordSave(db, t.id, 'v1', 'v2', new Date(Date.now() + COALESCE_MS + 1));
    expect(sources(db, t.id)).toEqual(['v2', 'v1', 'v0']);
    db.close();
  });
});

describe('template trash', () => {
  it('moves a deleted template to the trash, out of the list, and brings it back with its text and history', () => {
    const db = workspace();
    const t = createTemplate(db, 'Welcome', 'v0');
    saveTemplate(db, t.id, 'v1');
    deleteTemplate(db, t.id);
    expect(listTemplates(db).map((x) => x.name)).not.toContain('Welcome');
    const trash = listTrash(db);
    expect(trash.map((x) => [x.id, x.name])).toEqual([[t.id, 'Welcome']]);
    expect(Date.parse(trash[0]!.deletedAt)).not.toBeNaN();
    expect(codeOf(() => getTemplate(db, t.id))).toBe('not_found');
    expect(codeOf(() => saveTemplate(db, t.id, 'lost?'))).toBe('not_found');
    expect(codeOf(() => renameTemplate(db, t.id, 'Other'))).toBe('not_found');
    expect(codeOf(() => deleteTemplate(db, t.id))).toBe('not_found');

    const back = restoreTemplate(db, t.id);
    expect(back).toMatchObject({ id: t.id, name: 'Welcome', source: 'v1' });
    expect(listTrash(db)).toEqual([]);
    expect(sources(db, t.id)).toEqual(['v1', 'v0']);
    expect(codeOf(() => restoreTemplate(db, t.id))).toBe('not_found');
    db.close();
  });

  it('lets a new template take a trashed name, and renames the trashed one when it comes back', () => {
    const db = workspace();
    const old = createTemplate(db, 'Welcome', 'old');
    deleteTemplate(db, old.id);
    expect(uniqueTemplateName(db, 'Welcome')).toBe('Welcome');
    createTemplate(db, 'Welcome', 'new');
    expect(restoreTemplate(db, old.id).name).toBe('Welcome (restored)');
    expect(listTemplates(db).map((x) => x.name)).toEqual(['Welcome', 'Welcome (restored)']);
    expect(codeOf(() => createTemplate(db, 'welcome', 'clash'))).toBe('conflict');
    db.close();
  });
});

describe('history migration', () => {
  it('keeps every template of a workspace made before history existed', () => {
    const file = path.join(tempDir(), 'old.tailor');
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0]!);
    raw.pragma('user_version = 1');
    raw
      .prepare('INSERT INTO templates (name, source, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run('Kept', 'kept source', nowIso(), nowIso());
    raw.close();
    const db = openDatabase(file, { create: false });
    expect(listTemplates(db).map((t) => t.name)).toEqual(['Kept']);
    const kept = listTemplates(db)[0]!;
    expect(getTemplate(db, kept.id).source).toBe('kept source');
    deleteTemplate(db, kept.id);
    expect(listTrash(db).map((t) => t.name)).toEqual(['Kept']);
    db.close();
  });
});

describe('history and trash through the contract', () => {
  it('saves, lists, restores versions and brings a deleted template back from the trash', async () => {
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(tempDir(), 'contract.tailor') });
      const t = await app.client.call('templates.create', { name: 'Welcome', source: 'one' });
      await app.client.call('templates.save', { id: t.id, source: 'two' });
      await app.client.call('templates.checkpoint', { id: t.id });
      const versions = await app.client.call('templates.versions', { id: t.id });
      expect(versions.map((v) => v.kind)).toEqual(['edit', 'original']);
      const original = await app.client.call('templates.version', { versionId: versions[1]!.id });
      expect(original.source).toBe('one');
      expect((await app.client.call('templates.restoreVersion', { versionId: original.id })).source).toBe('one');

      await app.client.call('templates.delete', { id: t.id });
      expect(await app.client.call('templates.list', {})).toEqual([]);
      expect((await app.client.call('templates.trash', {})).map((x) => x.name)).toEqual(['Welcome']);
      await expect(app.client.call('templates.get', { id: t.id })).rejects.toMatchObject({ code: 'not_found' });
      expect((await app.client.call('templates.restore', { id: t.id })).source).toBe('one');
      expect((await app.client.call('templates.list', {})).map((x) => x.name)).toEqual(['Welcome']);
    } finally {
      await app.close();
    }
  });
});
