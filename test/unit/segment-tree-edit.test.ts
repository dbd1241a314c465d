import { describe, expect, it } from 'vitest';
import type { LeafCondition, RuleTree } from '../../shared/segments/rule-tree';
import {
  addChild,
  leafProblems,
  leavesOf,
  moveWithin,
  newGroup,
  nodeAt,
  removeAt,
  updateAt,
  wrapInGroup,
} from '../../renderer/features/segments/tree-edit';

const leaf = (value: string): LeafCondition => ({ kind: 'field', field: 'city', op: 'equals', value, values: [] });
const tree = (): RuleTree => ({
  kind: 'group',
  combinator: 'and',
  negate: false,
  children: [leaf('a'), { kind: 'group', combinator: 'or', negate: true, children: [leaf('b'), leaf('c')] }, leaf('d')],
});
const values = (t: RuleTree) => leavesOf(t).map(({ leaf: l }) => (l.kind === 'field' ? l.value : l.kind));

describe('tree-edit', () => {
  it('reads nodes by path and lists leaves in reading order with their paths', () => {
    expect(nodeAt(tree(), [1, 0])).toEqual(leaf('b'));
    expect(nodeAt(tree(), [0, 0])).toBeNull();
    expect(nodeAt(tree(), [9])).toBeNull();
    expect(leavesOf(tree()).map((l) => l.path)).toEqual([[0], [1, 0], [1, 1], [2]]);
  });

  it('adds, removes and updates without touching the original', () => {
    const original = tree();
    const added = addChild(original, [1], leaf('e'));
    expect(values(added)).toEqual(['a', 'b', 'c', 'e', 'd']);
    expect(values(removeAt(added, [1, 0]))).toEqual(['a', 'c', 'e', 'd']);
    expect(values(removeAt(added, [1]))).toEqual(['a', 'd']);
    expect(removeAt(added, [])).toBe(added);
    expect(values(updateAt(original, [2], () => leaf('z')))).toEqual(['a', 'b', 'c', 'z']);
    expect(values(original)).toEqual(['a', 'b', 'c', 'd']);
    expect(addChild(original, [0], leaf('x'))).toEqual(original);
  });

  it('moves among siblings and stays put at either end', () => {
    expect(values(moveWithin(tree(), [0], 1))).toEqual(['b', 'c', 'a', 'd']);
    expect(values(moveWithin(tree(), [1, 1], -1))).toEqual(['a', 'c', 'b', 'd']);
    expect(moveWithin(tree(), [0], -1)).toEqual(tree());
    expect(moveWithin(tree(), [2], 1)).toEqual(tree());
  });

  it('wraps a node in a group of its own', () => {
    const wrapped = wrapInGroup(tree(), [2]);
    expect(nodeAt(wrapped, [2])).toEqual({ ...newGroup(), children: [leaf('d')] });
    expect(wrapInGroup(tree(), [])).toEqual(tree());
  });

  it('collects problems by path', () => {
    const problems = leafProblems(tree(), (l) => (l.kind === 'field' && l.value === 'c' ? 'bad c' : null));
    expect([...problems]).toEqual([['1.1', 'bad c']]);
  });
});
