import { z } from 'zod';
import type { Db } from '../../db';

/**
 * The first column of a rejected-rows file (rejects-csv.ts): why each row was
 * rejected. An import of such a file leaves it out, so a fixed file imports
 * as it is, header and all.
 */
export const REASONS_HEADER = 'Tailor: why rejected';

/** The header row as the file wrote it (without a reasons column) and its delimiter, for writing rejected rows back out. */
export const SourceHeader = z.object({
  fields: z.array(z.string()),
  delimiter: z.string(),
  /** The file was a rejected-rows file: its rows' raw text starts with the old reasons. */
  reasonsColumn: z.boolean(),
});
export type SourceHeader = z.infer<typeof SourceHeader>;

export const hasReasonsColumn = (fields: readonly string[]): boolean => fields[0]?.trim() === REASONS_HEADER;

export function saveSourceHeader(db: Db, importId: number, source: SourceHeader): void {
  db.prepare('UPDATE imports SET source = ? WHERE id = ?').run(JSON.stringify(source), importId);
}

export function readSourceHeader(db: Db, importId: number): SourceHeader | null {
  const json = db.prepare('SELECT source FROM imports WHERE id = ?').pluck().get(importId);
  if (typeof json !== 'string') return null;
  try {
    const parsed = SourceHeader.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
