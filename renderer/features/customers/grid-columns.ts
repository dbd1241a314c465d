import { useCallback, useMemo, useState } from 'react';
import type { FieldInfo } from '../../../shared/contract/schemas';

/** The grid's own column: first and last name together. */
export const NAME_COLUMN = 'name';

const DEFAULT_CANONICAL = ['id', NAME_COLUMN, 'email', 'city', 'country'];
const DEFAULT_CUSTOM = 5;

const storageKey = (workspace: string) => `tailor.customers.columns:${workspace}`;

function readStored(workspace: string): string[] | null {
  try {
    const raw = localStorage.getItem(storageKey(workspace));
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** What the grid shows when the user has not chosen: the usual five and the first five custom fields. */
export const defaultColumns = (fields: readonly FieldInfo[]): string[] => [
  ...DEFAULT_CANONICAL,
  ...fields
    .filter((f) => f.kind === 'custom')
    .slice(0, DEFAULT_CUSTOM)
    .map((f) => f.key),
];

/**
 * The columns the grid shows, in order: chosen by the user and remembered
 * per workspace (localStorage keyed by the workspace's path), so an import
 * that adds fields never pushes a chosen column out of view. Columns whose
 * field no longer exists are skipped.
 */
export function useGridColumns(workspace: string, fields: readonly FieldInfo[]) {
  const [chosen, setChosen] = useState<{ workspace: string; columns: string[] | null }>(() => ({
    workspace,
    columns: readStored(workspace),
  }));
  const stored = chosen.workspace === workspace ? chosen.columns : readStored(workspace);
  const known = useMemo(() => new Set([NAME_COLUMN, ...fields.map((f) => f.key)]), [fields]);
  const columns = useMemo(() => (stored ?? defaultColumns(fields)).filter((key) => known.has(key)), [stored, fields, known]);
  const choose = useCallback(
    (next: string[]) => {
      localStorage.setItem(storageKey(workspace), JSON.stringify(next));
      setChosen({ workspace, columns: next });
    },
    [workspace],
  );
  const reset = useCallback(() => {
    localStorage.removeItem(storageKey(workspace));
    setChosen({ workspace, columns: null });
  }, [workspace]);
  return { columns, choose, reset };
}
