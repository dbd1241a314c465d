import type { ScoreName } from '../scores/score-names';
import type { LeafCondition, RuleNode, RuleTree } from './rule-tree';

/** Operators whose value names a label whole; `contains` / `starts_with` hold the user's text and are left alone. */
const WHOLE_LABEL_OPERATORS: ReadonlySet<string> = new Set(['equals', 'not_equals', 'in_list', 'not_in_list']);

const sameLabel = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function renameInLeaf(leaf: LeafCondition, score: ScoreName, from: string, to: string): LeafCondition {
  if (leaf.kind !== 'score' || leaf.score !== score || !WHOLE_LABEL_OPERATORS.has(leaf.op)) return leaf;
  const value = sameLabel(leaf.value, from) ? to : leaf.value;
  const values = leaf.values.map((entry) => (sameLabel(entry, from) ? to : entry));
  if (value === leaf.value && values.every((entry, i) => entry === leaf.values[i])) return leaf;
  return { ...leaf, value, values };
}

function renameInNode(node: RuleNode, score: ScoreName, from: string, to: string): RuleNode {
  if (node.kind !== 'group') return renameInLeaf(node, score, from, to);
  const children = node.children.map((child) => renameInNode(child, score, from, to));
  return children.every((child, i) => child === node.children[i]) ? node : { ...node, children };
}

/**
 * The tree with every condition that names label `from` of a label score
 * (compared as the compiler does, without case) naming `to` instead, or
 * null when no condition names it. A cluster rename runs this over every
 * stored segment, so "cluster is High value" follows the cluster to its new name.
 */
export function renameScoreLabel(tree: RuleTree, score: ScoreName, from: string, to: string): RuleTree | null {
  const renamed = renameInNode(tree, score, from, to);
  return renamed === tree ? null : (renamed as RuleTree);
}
