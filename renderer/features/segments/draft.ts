import { z } from 'zod';
import { AsOfDate, SegmentKind, type Segment } from '../../../shared/contract/schemas';
import { emptyTree, StoredRule, type RuleTree } from '../../../shared/segments/rule-tree';

/**
 * The segment being edited as plain data: what session storage keeps, how a
 * saved segment becomes a draft, and whether a draft differs from what is saved.
 */

/** A stored draft of either shape: an old flat rule (`{ match, conditions }`) loads as its tree. */
const Draft = z.object({
  id: z.number().int().positive().optional(),
  name: z.string(),
  rule: StoredRule,
  kind: SegmentKind.default('dynamic'),
  asOf: AsOfDate.nullable().default(null),
});
export interface Draft {
  id: number | undefined;
  name: string;
  rule: RuleTree;
  kind: SegmentKind;
  /** The date relative windows count back from; null: today. */
  asOf: string | null;
}

export function readDraft(text: string | null): Draft | null {
  try {
    const parsed = Draft.safeParse(JSON.parse(text ?? 'null'));
    return parsed.success ? { ...parsed.data, id: parsed.data.id } : null;
  } catch {
    return null;
  }
}

export const draftOf = (segment: Segment): Draft => ({
  id: segment.id,
  name: segment.name,
  rule: segment.rule,
  kind: segment.kind,
  asOf: segment.asOf,
});

export const newDraft = (firstCondition: RuleTree['children'][number] | null): Draft => ({
  id: undefined,
  name: '',
  rule: { ...emptyTree(), children: firstCondition ? [firstCondition] : [] },
  kind: 'dynamic',
  asOf: null,
});

/** Whether a tree holds anything a user typed or chose beyond the one blank condition a new segment starts with. */
function hasInput(tree: RuleTree): boolean {
  if (tree.combinator !== 'and' || tree.negate || tree.children.length > 1) return true;
  const only = tree.children[0];
  return only !== undefined && (only.kind !== 'field' || only.value.trim() !== '' || only.values.length > 0);
}

/** Whether the draft holds anything its saved segment (or, for a new one, an empty form) does not. */
export function isUnsaved(draft: Draft | null, segments: Segment[] | undefined): boolean {
  if (!draft) return false;
  const saved = segments?.find((s) => s.id === draft.id);
  if (!saved) return draft.name.trim() !== '' || hasInput(draft.rule) || draft.kind !== 'dynamic' || draft.asOf !== null;
  return stableJson(draftOf(saved)) !== stableJson(draft);
}

/** JSON with object keys sorted, so a draft and its saved segment compare equal whatever order their keys were built in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
