import { RuleError } from '../rule-error';
import type { RuleNode, RuleTree, SegmentCondition } from '../rule-tree';
import type { SqlBuilder } from './sql';

/** The chain of segments being expanded, outermost first, for cycle messages ("VIP → Lapsed → VIP"). */
export type SegmentChain = readonly { id: number; name: string }[];

/**
 * Membership of another segment. A dynamic one compiles its own rule inline
 * (at its own as-of date when it has one); a static one reads the snapshot
 * its last refresh took. A rule that reaches a segment already being
 * expanded is a cycle, refused with the chain.
 */
export function segmentSql(
  b: SqlBuilder,
  condition: SegmentCondition,
  chain: SegmentChain,
  compileInner: (tree: RuleTree, asOf: string, chain: SegmentChain) => string,
): string {
  const target = b.ctx.resolveSegment(condition.segmentId);
  const next = [...chain, { id: condition.segmentId, name: target.name }];
  if (chain.some((link) => link.id === condition.segmentId)) {
    throw new RuleError(`Segments cannot refer to each other in a circle: ${next.map((link) => link.name).join(' → ')}.`);
  }
  let inner: string;
  if (target.kind === 'static') {
    // Still walk its rule: a circle through a static segment would loop on its next refresh.
    checkCycles(b, target.tree, next);
    inner = `customers.id IN (SELECT customer_id FROM segment_snapshots WHERE segment_id = ${b.bind(condition.segmentId)})`;
  } else {
    inner = compileInner(target.tree, target.asOf ?? b.ctx.asOf, next);
  }
  return condition.member ? inner : `NOT (${inner})`;
}

function checkCycles(b: SqlBuilder, node: RuleNode, chain: SegmentChain): void {
  if (node.kind === 'group') {
    for (const child of node.children) checkCycles(b, child, chain);
    return;
  }
  if (node.kind !== 'segment') return;
  const target = b.ctx.resolveSegment(node.segmentId);
  const next = [...chain, { id: node.segmentId, name: target.name }];
  if (chain.some((link) => link.id === node.segmentId)) {
    throw new RuleError(`Segments cannot refer to each other in a circle: ${next.map((link) => link.name).join(' → ')}.`);
  }
  checkCycles(b, target.tree, next);
}
