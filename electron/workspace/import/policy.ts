import { ImportPolicy } from '../../../shared/contract/schemas';
import { DEFAULT_POLICY, normalisePolicy } from '../../../shared/imports/policy';
import type { Db } from '../db';

/**
 * A customers import's re-import policy is recorded on its imports row when
 * the import is created, so the committer (on the import's worker thread)
 * reads it from there and the history shows what each import did.
 */

export function recordPolicy(db: Db, importId: number, policy: ImportPolicy | undefined): void {
  if (policy === undefined) return;
  db.prepare('UPDATE imports SET policy = ? WHERE id = ?').run(JSON.stringify(normalisePolicy(policy)), importId);
}

/** The stored policy; none (an older import, or one started without) is overwrite, as imports always did. */
export function parsePolicy(json: string | null): ImportPolicy | null {
  if (json === null) return null;
  try {
    return ImportPolicy.safeParse(JSON.parse(json)).data ?? null;
  } catch {
    return null;
  }
}

export function readPolicy(db: Db, importId: number): ImportPolicy {
  const json = db.prepare('SELECT policy FROM imports WHERE id = ?').pluck().get(importId) as string | null | undefined;
  return parsePolicy(json ?? null) ?? DEFAULT_POLICY;
}
