import type { LeafCondition, RuleGroup, RuleNode, RuleTree } from '../../../shared/segments/rule-tree';

/**
 * Edits of a rule tree as pure functions over paths (child indexes from the
 * root group), so the builder's components only say what changed and every
 * edit returns a new tree. An edit at a path that does not exist returns the
 * tree unchanged rather than throwing: a stale click never corrupts a draft.
 */
export type NodePath = readonly number[];

export const newGroup = (): RuleGroup => ({ kind: 'group', combinator: 'and', negate: false, children: [] });

export function nodeAt(tree: RuleTree, path: NodePath): RuleNode | null {
  let node: RuleNode = tree;
  for (const index of path) {
    if (node.kind !== 'group') return null;
    const child: RuleNode | undefined = node.children[index];
    if (!child) return null;
    node = child;
  }
  return node;
}

/** The tree with the node at `path` replaced by `change(node)`. */
export function updateAt(tree: RuleTree, path: NodePath, change: (node: RuleNode) => RuleNode): RuleTree {
  const walk = (node: RuleNode, depth: number): RuleNode => {
    if (depth === path.length) return change(node);
    const index = path[depth]!;
    if (node.kind !== 'group' || index >= node.children.length) return node;
    return { ...node, children: node.children.map((child, i) => (i === index ? walk(child, depth + 1) : child)) };
  };
  const next = walk(tree, 0);
  return next.kind === 'group' ? next : tree;
}

/** Append `node` to the group at `groupPath`. */
export const addChild = (tree: RuleTree, groupPath: NodePath, node: RuleNode): RuleTree =>
  updateAt(tree, groupPath, (group) => (group.kind === 'group' ? { ...group, children: [...group.children, node] } : group));

/** The tree without the node at `path`; the root cannot be removed. */
export function removeAt(tree: RuleTree, path: NodePath): RuleTree {
  if (path.length === 0) return tree;
  const index = path[path.length - 1]!;
  return updateAt(tree, path.slice(0, -1), (group) =>
    group.kind === 'group' ? { ...group, children: group.children.filter((_, i) => i !== index) } : group,
  );
}

/** Move the node at `path` up (-1) or down (+1) among its siblings; at either end it stays. */
export function moveWithin(tree: RuleTree, path: NodePath, delta: -1 | 1): RuleTree {
  if (path.length === 0) return tree;
  const index = path[path.length - 1]!;
  return updateAt(tree, path.slice(0, -1), (group) => {
    if (group.kind !== 'group') return group;
    const target = index + delta;
    if (target < 0 || target >= group.children.length) return group;
    const children = [...group.children];
    [children[index], children[target]] = [children[target]!, children[index]!];
    return { ...group, children };
  });
}

/** Wrap the node at `path` in a new AND group of its own (to OR it with something, or negate it). */
export const wrapInGroup = (tree: RuleTree, path: NodePath): RuleTree =>
  path.length === 0 ? tree : updateAt(tree, path, (node) => ({ ...newGroup(), children: [node] }));

/** Every leaf with its path, in reading order (the order the builder numbers them). */
export function leavesOf(tree: RuleTree): { path: NodePath; leaf: LeafCondition }[] {
  const out: { path: NodePath; leaf: LeafCondition }[] = [];
  const walk = (node: RuleNode, path: NodePath) => {
    if (node.kind === 'group') node.children.forEach((child, i) => walk(child, [...path, i]));
    else out.push({ path, leaf: node });
  };
  walk(tree, []);
  return out;
}

export const pathKey = (path: NodePath): string => path.join('.');

/** Each invalid leaf's message by `pathKey`; empty when the whole tree can be counted and saved. */
export function leafProblems(tree: RuleTree, validate: (leaf: LeafCondition) => string | null): Map<string, string> {
  const problems = new Map<string, string>();
  for (const { path, leaf } of leavesOf(tree)) {
    const problem = validate(leaf);
    if (problem) problems.set(pathKey(path), problem);
  }
  return problems;
}
