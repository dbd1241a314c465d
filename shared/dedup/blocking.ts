import doubleMetaphone from 'talisman/phonetics/double-metaphone';
import type { MatchProfile } from './profile';

export interface BlockingOptions {
  /**
   * A block with more members than this (a very common surname, a shared office
   * postcode) is not paired all-to-all: its members are sorted by name and birth
   * date and only neighbours within `window` are paired, so cost stays linear.
   */
  maxBlockSize?: number;
  /** Sorted-neighbourhood window: each profile is paired with this many following ones. */
  window?: number;
}

export const DEFAULT_BLOCKING: Required<BlockingOptions> = { maxBlockSize: 64, window: 6 };

function phonetic(name: string): string {
  const word = name.replaceAll(' ', '');
  return word ? doubleMetaphone(word)[0] : '';
}

/**
 * Blocking keys of one profile: two profiles become a candidate pair when they
 * share any key, so each key must survive the errors the others do not. Names
 * are keyed phonetically (a typo rarely changes the Double Metaphone code) with
 * the other name's initial; birth date, postcode + street number, and the exact
 * identifiers catch pairs whose names are badly mistyped or swapped.
 */
export function blockingKeys(p: MatchProfile): string[] {
  const keys: string[] = [];
  const last = phonetic(p.lastName);
  const first = phonetic(p.firstName);
  if (last) keys.push(`n:${last}:${p.firstName.charAt(0)}`);
  if (first) keys.push(`g:${first}:${p.lastName.charAt(0)}`);
  // Swapped first and last name land in the same block as the unswapped record.
  if (first && last) keys.push(`s:${[first, last].sort().join(':')}`);
  if (p.birthDate.length >= 6) keys.push(`b:${p.birthDate}`);
  if (p.postcode && p.streetNumber) keys.push(`a:${p.postcode}:${p.streetNumber}`);
  if (p.postcode && p.lastName) keys.push(`p:${p.postcode}:${p.lastName.charAt(0)}`);
  if (p.identifier) keys.push(`i:${p.identifier}`);
  if (p.email) keys.push(`e:${p.email}`);
  if (p.phone.length >= 6) keys.push(`t:${p.phone.slice(-9)}`);
  return keys;
}

/** Sort key for sorted neighbourhood: surname, given name, birth date. */
export function neighbourhoodKey(p: MatchProfile): string {
  return `${p.lastName}\u0000${p.firstName}\u0000${p.birthDate}`;
}

/** A set of unordered index pairs, stored as one number (i * n + j, i < j), exact up to 2^53. */
export class PairSet {
  readonly #seen = new Set<number>();
  constructor(readonly size: number) {}

  add(i: number, j: number): void {
    if (i === j) return;
    this.#seen.add(i < j ? i * this.size + j : j * this.size + i);
  }

  get count(): number {
    return this.#seen.size;
  }

  *pairs(): Generator<[number, number]> {
    for (const key of this.#seen) yield [Math.floor(key / this.size), key % this.size];
  }
}

function addWindow(order: readonly number[], window: number, out: PairSet): void {
  for (let x = 0; x < order.length; x++) {
    for (let y = x + 1; y <= x + window && y < order.length; y++) out.add(order[x]!, order[y]!);
  }
}

/**
 * Candidate pairs: the union of every blocking key's blocks, plus a sorted
 * neighbourhood over the name key (which catches surnames whose phonetic code a
 * typo did change, as long as the first letters survive).
 */
export function candidatePairs(profiles: readonly MatchProfile[], options: BlockingOptions = {}): PairSet {
  const { maxBlockSize, window } = { ...DEFAULT_BLOCKING, ...options };
  const keys = profiles.map(neighbourhoodKey);
  const byKey = (x: number, y: number): number => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0);
  const out = new PairSet(profiles.length);

  const blocks = new Map<string, number[]>();
  profiles.forEach((profile, index) => {
    for (const key of blockingKeys(profile)) {
      const block = blocks.get(key);
      if (block) block.push(index);
      else blocks.set(key, [index]);
    }
  });
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length > maxBlockSize) {
      addWindow(block.sort(byKey), window, out);
      continue;
    }
    for (let x = 0; x < block.length; x++) for (let y = x + 1; y < block.length; y++) out.add(block[x]!, block[y]!);
  }

  const order = profiles.map((_, index) => index).sort(byKey);
  addWindow(order, window, out);
  return out;
}
