import type { SegmentCondition } from '../../../shared/segments/rule-tree';
import { useBuilder } from './builder-context';
import type { LeafFieldsProps } from './RuleLeafEditor';

/** Membership of another segment: is or is not a member. Cycles are the engine's to refuse, with its message shown under the count. */
export function SegmentLeafFields({ leaf, n, set }: LeafFieldsProps<SegmentCondition>) {
  const { segments } = useBuilder();
  const known = segments.some((segment) => segment.id === leaf.segmentId);
  return (
    <>
      <select
        className="select"
        value={leaf.member ? 'is' : 'is_not'}
        onChange={(e) => set({ member: e.target.value === 'is' })}
        aria-label={`Membership ${n}`}
      >
        <option value="is">is a member of</option>
        <option value="is_not">is not a member of</option>
      </select>
      <select
        className="select"
        value={known ? leaf.segmentId : ''}
        onChange={(e) => set({ segmentId: Number(e.target.value) })}
        aria-label={`Segment ${n}`}
      >
        {!known && <option value="">Pick a segment…</option>}
        {segments.map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.name}
          </option>
        ))}
      </select>
    </>
  );
}
