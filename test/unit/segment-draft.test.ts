import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/contract/schemas';
import { draftOf, isUnsaved, newDraft, readDraft } from '../../renderer/features/segments/draft';

const saved: Segment = {
  id: 3,
  name: 'Germans',
  rule: {
    kind: 'group',
    combinator: 'and',
    negate: false,
    children: [{ kind: 'field', field: 'country', op: 'equals', value: 'DE', values: [] }],
  },
  kind: 'dynamic',
  asOf: null,
  count: 10,
  updatedAt: '2026-11-01T00:00:00Z',
  refreshedAt: null,
  previousCount: null,
  problem: null,
};

describe('segment drafts', () => {
  it('loads a draft stored in the old flat shape as a tree', () => {
    const old = JSON.stringify({
      id: 3,
      name: 'Germans',
      rule: { match: 'all', conditions: [{ field: 'country', op: 'equals', value: 'DE' }] },
    });
    expect(readDraft(old)).toEqual(draftOf(saved));
  });

  it('loads a tree draft with its kind and as-of date, and refuses garbage', () => {
    const draft = { ...draftOf(saved), kind: 'static' as const, asOf: '2026-11-01' };
    expect(readDraft(JSON.stringify(draft))).toEqual(draft);
    expect(readDraft('{"name": 5}')).toBeNull();
    expect(readDraft('not json')).toBeNull();
    expect(readDraft(null)).toBeNull();
  });

  it('is unsaved when it differs from its segment, whatever the key order', () => {
    const reordered = JSON.parse(JSON.stringify({ asOf: null, kind: 'dynamic', rule: saved.rule, name: 'Germans', id: 3 })) as ReturnType<
      typeof draftOf
    >;
    expect(isUnsaved(reordered, [saved])).toBe(false);
    expect(isUnsaved({ ...draftOf(saved), asOf: '2026-01-01' }, [saved])).toBe(true);
    expect(isUnsaved(newDraft({ kind: 'field', field: 'country', op: 'equals', value: '', values: [] }), [saved])).toBe(false);
    expect(isUnsaved({ ...newDraft(null), name: 'x' }, [saved])).toBe(true);
  });
});
