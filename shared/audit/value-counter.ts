import { medianSorted } from 'simple-statistics';

/**
 * Distinct values and their counts, exact up to `cap` distinct values. Past
 * the cap it becomes a frequent-items sketch (Misra–Gries with the
 * "subtract the median" purge of Apache DataSketches): when full, the median
 * count is subtracted from every counter and the counters left at zero make
 * room. The most frequent values survive in bounded memory with counts that
 * are lower bounds; the distinct count then reads "more than `cap`".
 */
export class ValueCounter {
  private readonly counts = new Map<string, number>();
  private overflowed = false;

  constructor(private readonly cap: number) {}

  add(value: string): void {
    const count = this.counts.get(value);
    if (count !== undefined) {
      this.counts.set(value, count + 1);
      return;
    }
    if (this.counts.size >= this.cap) this.purge();
    this.counts.set(value, 1);
  }

  /** Frees about half the counters; each purge is O(cap log cap) and comes at most every cap / 2 new values. */
  private purge(): void {
    this.overflowed = true;
    const median = Math.max(1, medianSorted([...this.counts.values()].sort((a, b) => a - b)));
    for (const [key, count] of this.counts) {
      if (count <= median) this.counts.delete(key);
      else this.counts.set(key, count - median);
    }
  }

  /** Distinct values counted; a lower bound (the cap) once there were more. */
  get distinct(): number {
    return this.overflowed ? this.cap : this.counts.size;
  }

  get exact(): boolean {
    return !this.overflowed;
  }

  top(n: number): { value: string; count: number }[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, n)
      .map(([value, count]) => ({ value, count }));
  }
}
