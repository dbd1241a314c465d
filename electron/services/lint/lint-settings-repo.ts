import { DEFAULT_LINT_SETTINGS, LintSettings } from '../../../shared/qa/lint/lint-settings';
import { nowIso, type Db } from '../../workspace/db';

/**
 * The workspace's lint settings (migration 17), or the defaults before any
 * were saved. A stored value this version cannot read (edited by hand, saved
 * by a newer Tailor) reads as the defaults; saving replaces it.
 */
export function readLintSettings(db: Db): LintSettings {
  const stored = db.prepare(`SELECT settings FROM lint_settings WHERE id = 1`).pluck().get() as string | undefined;
  if (stored === undefined) return structuredClone(DEFAULT_LINT_SETTINGS);
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return structuredClone(DEFAULT_LINT_SETTINGS);
  }
  const parsed = LintSettings.safeParse(value);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_LINT_SETTINGS);
}

export function saveLintSettings(db: Db, settings: LintSettings): LintSettings {
  db.prepare(
    `INSERT INTO lint_settings (id, settings, updated_at) VALUES (1, ?, ?)
     ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(settings), nowIso());
  return readLintSettings(db);
}
