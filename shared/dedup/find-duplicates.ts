import { candidatePairs, type BlockingOptions } from './blocking';
import { clusterPairs } from './cluster';
import { explainPair } from './explain';
import { normaliseProfile, type NormaliseOptions } from './normalise';
import type { DedupProfile } from './profile';
import { bitsForScore, evenOddsBits, scorePairAbove, type PairScore } from './score';

/** Pairs scoring at least this are the same person by default (even odds of the evidence). */
export const DEFAULT_THRESHOLD = 0.5;

export interface DedupOptions extends BlockingOptions, NormaliseOptions {
  threshold?: number;
  /** Told how many profiles have had all their candidate pairs compared, every `PROGRESS_EVERY` profiles. */
  onProgress?: (done: number, total: number) => void;
}

/** Profiles between progress reports: often enough for a bar, rare enough to cost nothing. */
export const PROGRESS_EVERY = 2000;

export interface ScoredPair extends PairScore {
  a: string;
  b: string;
  explanation: string;
}

export interface DuplicateCluster {
  ids: string[];
  /** The pairs above the threshold that link the cluster, best first. */
  pairs: ScoredPair[];
}

export interface DedupResult {
  clusters: DuplicateCluster[];
  /** Candidate pairs from blocking, each compared field by field. */
  compared: number;
  /** Every compared pair at or above the threshold, best first. */
  matches: ScoredPair[];
}

export function findDuplicates(profiles: readonly DedupProfile[], options: DedupOptions = {}): DedupResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const normalised = profiles.map((p) => normaliseProfile(p, options));
  const evenOdds = evenOddsBits(profiles.length);
  const minWeight = bitsForScore(threshold, evenOdds);
  let compared = 0;
  const linked: [number, number][] = [];
  const matches: ScoredPair[] = [];
  let reported = 0;
  for (const [i, j] of candidatePairs(normalised, options)) {
    compared++;
    if (options.onProgress && i - reported >= PROGRESS_EVERY) {
      reported = i - (i % PROGRESS_EVERY);
      options.onProgress(reported, profiles.length);
    }
    const a = normalised[i]!;
    const b = normalised[j]!;
    const pair = scorePairAbove(a, b, evenOdds, minWeight);
    if (!pair || pair.score < threshold) continue;
    linked.push([i, j]);
    const [first, second] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    matches.push({ ...pair, a: first, b: second, explanation: explainPair(pair) });
  }
  matches.sort((x, y) => y.weight - x.weight);
  const clusters: DuplicateCluster[] = clusterPairs(profiles.length, linked).map((members) => ({
    ids: members.map((i) => profiles[i]!.id),
    pairs: [],
  }));
  const clusterOf = new Map<string, DuplicateCluster>();
  for (const cluster of clusters) for (const id of cluster.ids) clusterOf.set(id, cluster);
  for (const match of matches) clusterOf.get(match.a)?.pairs.push(match);
  return { clusters, compared, matches };
}
