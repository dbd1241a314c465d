import { useCallback, useState } from 'react';
import { z } from 'zod';
import type { Segment } from '../../../shared/contract/schemas';
import { emptyRule, SegmentRule } from '../../../shared/segments/rule';
import { flatRuleOf } from '../../../shared/segments/rule-tree';
import { useApi } from '../../api/queries';

const Draft = z.object({ id: z.number().int().positive().optional(), name: z.string(), rule: SegmentRule });
export type Draft = z.infer<typeof Draft>;

/** Per workspace: segment ids mean nothing in another one. */
const storageKey = (workspacePath: string) => `tailor.segmentDraft:${workspacePath}`;

function read(key: string | null): Draft | null {
  if (key === null) return null;
  try {
    const parsed = Draft.safeParse(JSON.parse(sessionStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const draftOf = (segment: Segment): Draft => ({ id: segment.id, name: segment.name, rule: flatRuleOf(segment.rule) ?? emptyRule() });

/** Whether the draft holds anything its saved segment (or, for a new one, an empty form) does not. */
export function isUnsaved(draft: Draft | null, segments: Segment[] | undefined): boolean {
  if (!draft) return false;
  const saved = segments?.find((s) => s.id === draft.id);
  if (!saved) return draft.name.trim() !== '' || draft.rule.conditions.some((c) => c.value.trim() !== '');
  return JSON.stringify(draftOf(saved)) !== JSON.stringify(draft);
}

/**
 * The segment being edited, kept in session storage so it survives leaving the Segments view (and a reload):
 * a half-built segment is never lost to a click on another view.
 */
export function useSegmentDraft(): [Draft | null, (next: Draft | null) => void] {
  const workspace = useApi('workspace.current', {});
  const key = workspace.data ? storageKey(workspace.data.path) : null;
  const [draft, setDraft] = useState<Draft | null>(() => read(key));
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
