import { describe, expect, it } from 'vitest';
import type { SegmentOverview } from '../../shared/contract/schemas';
import { describePair, overlapCells } from '../../renderer/features/segments/overlap-cells';

const overview: SegmentOverview = {
  asOf: '2026-11-01',
  segments: [
    { id: 1, name: 'VIP', kind: 'dynamic', count: 200, previousCount: null, refreshedAt: null },
    { id: 2, name: 'Lapsed', kind: 'static', count: 50, previousCount: 40, refreshedAt: '2026-11-01T00:00:00Z' },
    { id: 3, name: 'Empty', kind: 'dynamic', count: 0, previousCount: null, refreshedAt: null },
  ],
  overlaps: [
    [200, 20, 0],
    [20, 50, 0],
    [0, 0, 0],
  ],
};

describe('overlap matrix', () => {
  it('gives one cell per pair, coloured by the share of the row segment (0 for an empty one)', () => {
    const cells = overlapCells(overview);
    expect(cells).toHaveLength(9);
    expect(cells.find((c) => c.x === 1 && c.y === 0)).toEqual({ x: 1, y: 0, both: 20, shareOfRow: 0.1 });
    expect(cells.find((c) => c.x === 0 && c.y === 1)?.shareOfRow).toBe(0.4);
    expect(cells.find((c) => c.x === 2 && c.y === 2)?.shareOfRow).toBe(0);
  });

  it('describes a pair with both shares, and the diagonal as a size', () => {
    expect(describePair(overview, 1, 0)).toBe('VIP and Lapsed: 20 customers in both, 10% of VIP, 40% of Lapsed');
    expect(describePair(overview, 0, 0)).toBe('VIP: 200 customers');
    expect(describePair(overview, 2, 0)).toBe('VIP and Empty: 0 customers in both, 0% of VIP, 0% of Empty');
  });
});
