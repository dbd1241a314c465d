import { createContext, useContext } from 'react';
import type { ActivityVocabulary, FieldInfo, Segment } from '../../../shared/contract/schemas';
import type { RuleNode, RuleTree } from '../../../shared/segments/rule-tree';
import type { LeafDefaults } from './new-leaf';
import type { NodePath } from './tree-edit';

/** What every node editor of one builder shares: the workspace's names, the problems found, and how to change the tree. */
export interface Builder {
  tree: RuleTree;
  fields: readonly FieldInfo[];
  vocabulary: ActivityVocabulary;
  /** Segments a condition may refer to (not the one being edited). */
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  /** Each invalid leaf's message by path key. */
  problems: ReadonlyMap<string, string>;
  /** Leaf and group numbers by path key, in reading order: the labels screen readers hear ("Field 2"). */
  numbers: ReadonlyMap<string, number>;
  defaults: LeafDefaults;
  change: (next: RuleTree) => void;
  update: (path: NodePath, change: (node: RuleNode) => RuleNode) => void;
}

export const BuilderContext = createContext<Builder | null>(null);

export function useBuilder(): Builder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error('A rule node editor must be inside a RuleBuilder.');
  return builder;
}
