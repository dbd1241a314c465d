/**
 * The keys (id, email) rows of one file have claimed so far, for duplicate
 * detection within the file, in a fixed-size open-addressing table of 64-bit
 * hashes and the claiming line: about twelve bytes a slot, no object per key,
 * so a 200,000-row file costs a few megabytes and no SQL statement per row.
 *
 * A hash names a key only probably: a match is confirmed with `confirm(line,
 * key)` (the committed row's own key, read back), and a key whose hash
 * collides with another's is kept exactly in a small map. The table never
 * grows past MAX_SLOTS; once it is three-quarters full, `claim` says so and
 * the caller keeps further keys elsewhere (a temp table), so memory stays
 * bounded whatever the file size.
 */
export const MAX_SLOTS = 1 << 21;
const INITIAL_SLOTS = 1 << 4;

export class FileKeys {
  private slots = INITIAL_SLOTS;
  private high = new Int32Array(INITIAL_SLOTS);
  private low = new Int32Array(INITIAL_SLOTS);
  /** The claiming line; 0 marks an empty slot (lines start at 1). */
  private lines = new Int32Array(INITIAL_SLOTS);
  private used = 0;
  /** Keys whose hash another key already holds (rare): exact. */
  private readonly collided = new Map<string, number>();

  constructor(
    /** Whether the row on `line` claimed `key` (hashes can collide). */
    private readonly confirm: (line: number, key: string) => boolean,
    private readonly maxSlots = MAX_SLOTS,
  ) {}

  /** The line that claimed `key`, or null. */
  owner(key: string): number | null {
    const exact = this.collided.size === 0 ? undefined : this.collided.get(key);
    if (exact !== undefined) return exact;
    const [high, low] = hash(key);
    for (let slot = this.start(high, low); ; slot = (slot + 1) & (this.slots - 1)) {
      const line = this.lines[slot] as number;
      if (line === 0) return null;
      if (this.high[slot] === high && this.low[slot] === low) return this.confirm(line, key) ? line : null;
    }
  }

  /** Record that `line` claims `key` (not claimed yet: see owner); false when the table is full. */
  claim(key: string, line: number): boolean {
    if ((this.used + 1) * 4 > this.slots * 3) {
      if (this.slots >= this.maxSlots) return false;
      this.grow();
    }
    const [high, low] = hash(key);
    for (let slot = this.start(high, low); ; slot = (slot + 1) & (this.slots - 1)) {
      if (this.lines[slot] === 0) {
        this.high[slot] = high;
        this.low[slot] = low;
        this.lines[slot] = line;
        this.used++;
        return true;
      }
      if (this.high[slot] === high && this.low[slot] === low) {
        this.collided.set(key, line);
        return true;
      }
    }
  }

  private start(high: number, low: number): number {
    return (high ^ low) & (this.slots - 1);
  }

  private grow(): void {
    const { high, low, lines } = this;
    this.slots *= 2;
    this.high = new Int32Array(this.slots);
    this.low = new Int32Array(this.slots);
    this.lines = new Int32Array(this.slots);
    for (let old = 0; old < lines.length; old++) {
      const line = lines[old] as number;
      if (line === 0) continue;
      let slot = this.start(high[old] as number, low[old] as number);
      while (this.lines[slot] !== 0) slot = (slot + 1) & (this.slots - 1);
      this.high[slot] = high[old] as number;
      this.low[slot] = low[old] as number;
      this.lines[slot] = line;
    }
  }
}

/** Two independent 32-bit FNV-1a style hashes of the UTF-16 code units. */
function hash(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a | 0, b | 0];
}
