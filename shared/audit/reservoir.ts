/**
 * A uniform sample of at most `size` numbers from a stream of unknown length
 * (Vitter's algorithm R), so medians and quartiles of a million values cost a
 * few thousand numbers of memory. Seeded, so the same data gives the same
 * report.
 */
export class Reservoir {
  readonly values: number[] = [];
  private seen = 0;
  private state: number;

  constructor(
    private readonly size: number,
    seed = 0x9e3779b9,
  ) {
    this.state = seed >>> 0 || 1;
  }

  add(value: number): void {
    this.seen++;
    if (this.values.length < this.size) {
      this.values.push(value);
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.size) this.values[slot] = value;
  }

  /** How many values went in (the sample holds min(seen, size) of them). */
  get count(): number {
    return this.seen;
  }

  /** xorshift32: enough for sampling, and reproducible. */
  private random(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }
}
