import { numberValue } from './compare';
import type { LeafCondition, RuleTree } from '../rule-tree';

/** Operators a score condition matches a customer without the score for: such a leaf cannot list candidates. */
const SCORE_EMPTY_MATCHES: ReadonlySet<string> = new Set(['not_equals', 'not_contains', 'not_in_list', 'is_empty']);

/**
 * A rough share of customers an activity leaf keeps, or null when it cannot
 * list its customers (it matches customers without rows: "did not", "fewer
 * than"). Only the order between leaves matters: a short window, a category
 * or a product, and a higher count threshold each narrow the set.
 */
export function leafShare(leaf: LeafCondition): number | null {
  const narrow = (windowDays: number | null, horizon: number) => Math.min(windowDays ?? horizon, horizon) / horizon;
  switch (leaf.kind) {
    case 'orders': {
      let threshold = 1;
      if (leaf.measure === 'count' || leaf.measure === 'total') {
        let value: number;
        try {
          value = numberValue(leaf.value, leaf.measure);
        } catch {
          return null;
        }
        const keepsEmpty = { equals: 0 === value, not_equals: 0 !== value, gt: 0 > value, gte: 0 >= value, lt: 0 < value, lte: 0 <= value };
        if (!(leaf.op in keepsEmpty) || keepsEmpty[leaf.op as keyof typeof keepsEmpty]) return null;
        if (leaf.measure === 'count') threshold = Math.max(1, value);
      }
      return (narrow(leaf.windowDays, 1095) * (leaf.category ? 0.2 : 1)) / threshold;
    }
    case 'events': {
      if (!leaf.did || leaf.countOp === 'at_most' || leaf.times === 0) return null;
      return (narrow(leaf.windowDays, 365) * 0.5 * (leaf.category ? 0.2 : 1) * (leaf.product ? 0.05 : 1)) / Math.max(1, leaf.times);
    }
    case 'score':
      return SCORE_EMPTY_MATCHES.has(leaf.op) ? null : 0.3;
    case 'segment':
    case 'field':
      return null;
  }
}

/**
 * The leaf that drives the query: among the activity conditions of a
 * top-level AND, the one expected to keep the fewest customers. Its set is
 * built once and the customers are looked up from it by id; every other
 * activity condition is then checked per candidate. A rule without one (an
 * OR at the top, only "did not" conditions) tests every customer with sets.
 */
export function chooseDriver(tree: RuleTree): LeafCondition | null {
  if (tree.combinator !== 'and' || tree.negate) return null;
  let best: { leaf: LeafCondition; share: number } | null = null;
  for (const child of tree.children) {
    if (child.kind === 'group') continue;
    const share = leafShare(child);
    if (share !== null && (best === null || share < best.share)) best = { leaf: child, share };
  }
  return best?.leaf ?? null;
}
