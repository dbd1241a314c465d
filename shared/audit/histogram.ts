import { equalIntervalBreaks } from 'simple-statistics';
import type { AuditHistogram, HistogramBin, ValueScale } from './report';

export const MAX_BINS = 40;
/** Values are counted in this many fine bins per drawn bin, so empty ends can be trimmed before the bins are drawn. */
const FINE = 10;

/**
 * Equal-width bins for values in [lo, hi], counted in a second pass. Sturges'
 * rule sets how many (⌈log2 n⌉ + 1, at most 40); whole numbers over a short
 * range get one bin per number, so "order_count" reads 1, 2, 3 rather than
 * 1.0–1.7. [lo, hi] comes from the outlier fences, which may reach well past
 * the data, so counting happens on a finer grid whose empty ends are dropped.
 */
export class Histogram {
  private readonly edges: number[];
  private readonly counts: number[];
  private readonly group: number;
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
      this.group = 1;
    } else if (integers && hi - lo + 1 <= MAX_BINS) {
      this.edges = Array.from({ length: hi - lo + 2 }, (_, i) => lo + i);
      this.group = 1;
    } else {
      const bins = Math.min(MAX_BINS, Math.max(1, Math.ceil(Math.log2(Math.max(count, 1)) + 1)));
      this.edges = equalIntervalBreaks([lo, hi], bins * FINE);
      this.group = FINE;
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
    let start = 0;
    let end = this.counts.length;
    if (this.group > 1) {
      while (start < end && this.counts[start] === 0) start++;
      while (end > start && this.counts[end - 1] === 0) end--;
      if (start === end) [start, end] = [0, this.counts.length];
    }
    const fine = end - start;
    const size = this.group > 1 ? Math.max(1, Math.ceil(fine / (this.counts.length / this.group))) : 1;
    const bins: HistogramBin[] = [];
    for (let i = start; i < end; i += size) {
      const stop = Math.min(end, i + size);
      let count = 0;
      for (let j = i; j < stop; j++) count += this.counts[j] as number;
      bins.push({ from: this.edges[i] as number, to: this.edges[stop] as number, count });
    }
    return { scale: this.scale, bins, below: this.below, above: this.above };
  }
}
