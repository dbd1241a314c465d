import type { LeafCondition } from '../../../shared/segments/rule-tree';
import { useBuilder } from './builder-context';
import { EventsLeafFields } from './EventsLeafFields';
import { FieldLeafFields } from './FieldLeafFields';
import { LEAF_KINDS } from './leaf-labels';
import { newLeaf } from './new-leaf';
import { NodeActions } from './NodeActions';
import { OrdersLeafFields } from './OrdersLeafFields';
import { ScoreLeafFields } from './ScoreLeafFields';
import { SegmentLeafFields } from './SegmentLeafFields';
import { pathKey, type NodePath } from './tree-edit';

export interface LeafFieldsProps<L extends LeafCondition> {
  leaf: L;
  /** The leaf's number in reading order, for labels ("Value 2"). */
  n: number;
  /** The problem with this leaf's value, shown next to it. */
  problem: string | undefined;
  set: (patch: Partial<L>) => void;
}

/** One condition: what it is about (profile, orders, events, score, segment), its own controls, and its problem inline. */
export function RuleLeafEditor({ leaf, path }: { leaf: LeafCondition; path: NodePath }) {
  const builder = useBuilder();
  const key = pathKey(path);
  const n = builder.numbers.get(key) ?? 1;
  const problem = builder.problems.get(key);
  const replace = (next: LeafCondition) => builder.update(path, () => next);
  const set = (patch: Partial<LeafCondition>) => builder.update(path, (node) => ({ ...node, ...patch }) as LeafCondition);

  return (
    <div className={`rule-leaf${problem ? ' rule-leaf-invalid' : ''}`} data-testid="condition" role="group" aria-label={`Condition ${n}`}>
      <div className="rule-leaf-row">
        <select
          className="select rule-kind"
          value={leaf.kind}
          onChange={(e) => replace(newLeaf(e.target.value as LeafCondition['kind'], builder.defaults))}
          aria-label={`Condition type ${n}`}
        >
          {LEAF_KINDS.map(({ kind, label }) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
        <div className="rule-leaf-fields">
          {leaf.kind === 'field' && <FieldLeafFields leaf={leaf} n={n} problem={problem} set={set} />}
          {leaf.kind === 'orders' && <OrdersLeafFields leaf={leaf} n={n} problem={problem} set={set} />}
          {leaf.kind === 'events' && <EventsLeafFields leaf={leaf} n={n} problem={problem} set={set} />}
          {leaf.kind === 'score' && <ScoreLeafFields leaf={leaf} n={n} problem={problem} set={set} />}
          {leaf.kind === 'segment' && <SegmentLeafFields leaf={leaf} n={n} problem={problem} set={set} />}
        </div>
        <NodeActions path={path} label={`condition ${n}`} />
      </div>
      {problem && (
        <div className="rule-problem" id={`rule-problem-${n}`} role="alert" data-testid="condition-problem">
          {problem}
        </div>
      )}
    </div>
  );
}
