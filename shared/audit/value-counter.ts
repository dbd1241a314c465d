/**
 * Distinct values and their counts, exact up to `cap` distinct values. Past
 * the cap the counter keeps the `cap` heaviest candidates the Space-Saving way
 * (a new value replaces the current minimum and inherits its count), so the
 * most frequent values are still found in bounded memory, the distinct count
 * becomes a lower bound ("more than N") and counts become estimates.
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
    if (this.counts.size < this.cap) {
      this.counts.set(value, 1);
      return;
    }
    this.overflowed = true;
    // Space-Saving: evict the lightest candidate. A linear scan is O(cap), but only new values past the cap pay it,
    // and only a field with that many distinct values (ids, emails) produces them; those are cut short below.
    this.replaceMinimum(value);
  }

  private minimumKey: string | null = null;
  private sinceScan = 0;

  private replaceMinimum(value: string): void {
    // Rescanning for every new value would make a million unique ids quadratic; reuse the last minimum for a
    // while (its count only grows when it is seen again, so it stays a valid, slightly stale, victim).
    if (this.minimumKey === null || !this.counts.has(this.minimumKey) || this.sinceScan >= 1024) {
      let min = Infinity;
      for (const [key, count] of this.counts) {
        if (count < min) {
          min = count;
          this.minimumKey = key;
        }
      }
      this.sinceScan = 0;
    }
    this.sinceScan++;
    const victim = this.minimumKey as string;
    const inherited = this.counts.get(victim) ?? 0;
    this.counts.delete(victim);
    this.counts.set(value, inherited + 1);
    this.minimumKey = value;
  }

  /** Distinct values counted; a lower bound when `exact` is false. */
  get distinct(): number {
    return this.counts.size;
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
