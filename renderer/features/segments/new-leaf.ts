import type { LeafCondition } from '../../../shared/segments/rule-tree';

export interface LeafDefaults {
  /** The first profile field offered. */
  field: string;
  /** The workspace's most frequent event type, if it has events. */
  eventType: string;
  /** Another segment to refer to, if there is one. */
  segmentId: number | null;
}

/** A fresh condition of `kind`, filled with the most likely choices so it counts as soon as a value is typed. */
export function newLeaf(kind: LeafCondition['kind'], defaults: LeafDefaults): LeafCondition {
  switch (kind) {
    case 'field':
      return { kind: 'field', field: defaults.field, op: 'equals', value: '', values: [] };
    case 'orders':
      return { kind: 'orders', measure: 'count', op: 'gte', value: '1', windowDays: null, category: null };
    case 'events':
      return {
        kind: 'events',
        did: true,
        eventType: defaults.eventType,
        category: null,
        product: null,
        countOp: 'at_least',
        times: 1,
        windowDays: 30,
      };
    case 'score':
      return { kind: 'score', score: 'rfm_tier', op: 'equals', value: '', values: [] };
    case 'segment':
      // segmentId must be positive; 1 stands in until the user picks one, and validate-leaf flags a missing segment.
      return { kind: 'segment', segmentId: defaults.segmentId ?? 1, member: true };
  }
}
