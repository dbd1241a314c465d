import { equalIntervalBreaks } from 'simple-statistics';
import type { AuditHistogram, ValueScale } from './report';

export const MAX_BINS = 40;

/**
 * Equal-width bins for values in [lo, hi], counted in a second pass. Sturges'
 * rule sets how many (⌈log2 n⌉ + 1, at most 40); whole numbers over a short
 * range get one bin per number, so "order_count" reads 1, 2, 3 rather than
 * 1.0–1.7.
 */
export class Histogram {
  private readonly edges: number[];
  private readonly counts: number[];
  private below = 0;
  private above = 0;

  constructor(
    private readonly scale: ValueScale,
    lo: number,
    hi: number,
    count: number,
    integers: boolean,
  ) {
    if (!(hi > lo)) {
      this.edges = [lo, lo];
    } else if (integers && hi - lo + 1 <= MAX_BINS) {
      this.edges = Array.from({ length: hi - lo + 2 }, (_, i) => lo + i);
    } else {
      const bins = Math.min(MAX_BINS, Math.max(1, Math.ceil(Math.log2(Math.max(count, 1)) + 1)));
      this.edges = equalIntervalBreaks([lo, hi], bins);
    }
    this.counts = new Array<number>(this.edges.length - 1).fill(0);
  }

  add(value: number): void {
    const first = this.edges[0] as number;
    const last = this.edges[this.edges.length - 1] as number;
    if (value < first) {
      this.below++;
      return;
    }
    if (value > last) {
      this.above++;
      return;
    }
    const bins = this.counts.length;
    const width = (last - first) / bins;
    // Equal widths: the bin is arithmetic; the last bin includes its upper edge.
    const index = width > 0 ? Math.min(bins - 1, Math.floor((value - first) / width)) : 0;
    this.counts[index] = (this.counts[index] as number) + 1;
  }

  result(): AuditHistogram {
    return {
      scale: this.scale,
      bins: this.counts.map((count, i) => ({ from: this.edges[i] as number, to: this.edges[i + 1] as number, count })),
      below: this.below,
      above: this.above,
    };
  }
}
