import { useMemo } from 'react';
import type { ActivityVocabulary, FieldInfo, Segment } from '../../../shared/contract/schemas';
import type { RuleNode, RuleTree } from '../../../shared/segments/rule-tree';
import { BuilderContext, type Builder } from './builder-context';
import { RuleGroupEditor } from './RuleGroupEditor';
import { pathKey, updateAt } from './tree-edit';

interface Props {
  tree: RuleTree;
  fields: readonly FieldInfo[];
  vocabulary: ActivityVocabulary;
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  problems: ReadonlyMap<string, string>;
  onChange: (tree: RuleTree) => void;
}

/** Leaves and groups numbered separately, each in reading order. */
function numberNodes(tree: RuleTree): Map<string, number> {
  const numbers = new Map<string, number>();
  let leaves = 0;
  let groups = 0;
  const walk = (node: RuleNode, path: number[]) => {
    numbers.set(pathKey(path), node.kind === 'group' ? ++groups : ++leaves);
    if (node.kind === 'group') node.children.forEach((child, i) => walk(child, [...path, i]));
  };
  walk(tree, []);
  return numbers;
}

/** The nested rule editor: the root group and everything under it. */
export function RuleBuilder({ tree, fields, vocabulary, segments, problems, onChange }: Props) {
  const builder = useMemo<Builder>(
    () => ({
      tree,
      fields,
      vocabulary,
      segments,
      problems,
      numbers: numberNodes(tree),
      defaults: { field: fields[0]?.key ?? 'email', eventType: vocabulary.eventTypes[0] ?? '', segmentId: segments[0]?.id ?? null },
      change: onChange,
      update: (path, change) => onChange(updateAt(tree, path, change)),
    }),
    [tree, fields, vocabulary, segments, problems, onChange],
  );
  return (
    <BuilderContext.Provider value={builder}>
      <RuleGroupEditor group={tree} path={[]} />
    </BuilderContext.Provider>
  );
}
