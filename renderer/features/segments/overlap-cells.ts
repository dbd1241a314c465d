import type { SegmentOverview } from '../../../shared/contract/schemas';

export interface OverlapCell {
  /** Column (x) and row (y) indexes into the overview's segments. */
  x: number;
  y: number;
  both: number;
  /** The overlap as a share of the row segment's size (0 when it is empty). */
  shareOfRow: number;
}

/** The matrix as heatmap cells: each pair's customers in both, coloured by the share of the row's segment they make. */
export function overlapCells(overview: SegmentOverview): OverlapCell[] {
  const cells: OverlapCell[] = [];
  overview.overlaps.forEach((row, y) => {
    const size = overview.segments[y]?.count ?? 0;
    row.forEach((both, x) => cells.push({ x, y, both, shareOfRow: size > 0 ? both / size : 0 }));
  });
  return cells;
}

/** "A and B: 120 customers, 40% of A, 12% of B". */
export function describePair(overview: SegmentOverview, x: number, y: number): string {
  const a = overview.segments[y];
  const b = overview.segments[x];
  const both = overview.overlaps[y]?.[x] ?? 0;
  if (!a || !b) return '';
  const share = (size: number) => (size > 0 ? `${Math.round((both / size) * 100)}%` : '0%');
  if (x === y) return `${a.name}: ${both.toLocaleString()} customers`;
  return `${a.name} and ${b.name}: ${both.toLocaleString()} customers in both, ${share(a.count)} of ${a.name}, ${share(b.count)} of ${b.name}`;
}
