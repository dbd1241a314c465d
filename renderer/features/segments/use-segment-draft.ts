import { useCallback, useState } from 'react';
import { useApi } from '../../api/queries';
import { readDraft, type Draft } from './draft';

export { draftOf, isUnsaved, newDraft, type Draft } from './draft';

/** Per workspace: segment ids mean nothing in another one. */
const storageKey = (workspacePath: string) => `tailor.segmentDraft:${workspacePath}`;

/**
 * The segment being edited, kept in session storage so it survives leaving the Segments view (and a reload):
 * a half-built segment is never lost to a click on another view.
 */

export function useSegmentDraft(): [Draft | null, (next: Draft | null) => void] {
  const workspace = useApi('workspace.current', {});
  const key = workspace.data ? storageKey(workspace.data.path) : null;
  const [draft, setDraft] = useState<Draft | null>(() => (key === null ? null : readDraft(sessionStorage.getItem(key))));
  const update = useCallback(
    (next: Draft | null) => {
      setDraft(next);
      if (key === null) return;
      if (next) sessionStorage.setItem(key, JSON.stringify(next));
      else sessionStorage.removeItem(key);
    },
    [key],
  );
  return [draft, update];
}
