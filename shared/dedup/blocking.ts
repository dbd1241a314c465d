import doubleMetaphone from 'talisman/phonetics/double-metaphone';
import type { MatchProfile } from './profile';

export interface BlockingOptions {
  /**
   * A block with more members than this (a very common surname, a shared office
   * postcode) is not paired all-to-all: its members are sorted by name and birth
   * date and only neighbours within `window` places are paired, so cost stays linear.
   */
  maxBlockSize?: number;
  /** Sorted-neighbourhood window: each profile is paired with this many neighbours on each side. */
  window?: number;
}

export const DEFAULT_BLOCKING: Required<BlockingOptions> = { maxBlockSize: 24, window: 3 };

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

function compareKeys(keys: readonly string[]): (x: number, y: number) => number {
  return (x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : x - y);
}

/** Position of `index` in `sorted`, which is ordered by `compare`. */
function positionOf(sorted: readonly number[], index: number, compare: (x: number, y: number) => number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compare(sorted[middle]!, index);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function addNeighbours(sorted: readonly number[], position: number, window: number, index: number, out: Set<number>): void {
  const end = Math.min(sorted.length - 1, position + window);
  for (let p = Math.max(0, position - window); p <= end; p++) if (sorted[p]! > index) out.add(sorted[p]!);
}

/**
 * Candidate pairs [i, j] with i < j, each once: the union of every blocking
 * key's blocks, plus a sorted neighbourhood over the name key (which catches
 * surnames whose phonetic code a typo did change, as long as the first letters
 * survive). Pairs are produced profile by profile, so memory holds the blocks
 * but never the set of all pairs, whatever the number of profiles.
 */
export function* candidatePairs(profiles: readonly MatchProfile[], options: BlockingOptions = {}): Generator<[number, number]> {
  const { maxBlockSize, window } = { ...DEFAULT_BLOCKING, ...options };
  const compare = compareKeys(profiles.map(neighbourhoodKey));

  // Most keys (identifiers, emails, addresses) belong to one profile: such a block is
  // held as a bare index, not an array, and dropped once every profile is in.
  const blocks = new Map<string, number | number[]>();
  profiles.forEach((profile, index) => {
    for (const key of blockingKeys(profile)) {
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, index);
      else if (typeof block === 'number') blocks.set(key, [block, index]);
      else block.push(index);
    }
  });
  for (const [key, block] of blocks) {
    if (typeof block === 'number') blocks.delete(key);
    else if (block.length > maxBlockSize) block.sort(compare);
  }
  const order = profiles.map((_, index) => index).sort(compare);
  const rank = new Int32Array(profiles.length);
  order.forEach((index, position) => (rank[index] = position));

  const partners = new Set<number>();
  for (let i = 0; i < profiles.length; i++) {
    partners.clear();
    for (const key of blockingKeys(profiles[i]!)) {
      const block = blocks.get(key);
      if (block === undefined || typeof block === 'number') continue;
      if (block.length <= maxBlockSize) {
        for (const j of block) if (j > i) partners.add(j);
      } else {
        addNeighbours(block, positionOf(block, i, compare), window, i, partners);
      }
    }
    addNeighbours(order, rank[i]!, window, i, partners);
    for (const j of partners) yield [i, j];
  }
}
