import { fitKMeans, meanSilhouette, sampleIndices } from './kmeans';

export const K_RANGE = [2, 3, 4, 5, 6, 7, 8] as const;
/** Silhouettes need all pairwise distances: computed on a seeded sample of at most this many customers. */
export const SILHOUETTE_SAMPLE = 2000;

export interface KScore {
  k: number;
  /** Within-cluster sum of squares on the fitted points (the elbow). */
  inertia: number;
  /** Mean silhouette on the seeded sample. */
  silhouette: number;
}

/**
 * Fits every k of the range and scores it: the elbow (inertia) and the mean
 * silhouette on a seeded sample. `onK` reports each k as it is done. The
 * suggested k is the one with the best silhouette (the smallest on a tie).
 */
export function scoreKs(
  points: number[][],
  seed: number,
  onK: (k: number) => void = () => {},
  ks: readonly number[] = K_RANGE,
): { scores: KScore[]; best: number } {
  const sample = sampleIndices(points.length, SILHOUETTE_SAMPLE, seed);
  const samplePoints = sample.map((i) => points[i] as number[]);
  const scores: KScore[] = [];
  for (const k of ks) {
    if (k >= points.length) break;
    const fit = fitKMeans(points, k, seed);
    const silhouette = meanSilhouette(
      samplePoints,
      sample.map((i) => fit.labels[i] as number),
    );
    scores.push({ k, inertia: fit.inertia, silhouette });
    onK(k);
  }
  let best = scores[0]?.k ?? 2;
  let bestValue = -Infinity;
  for (const score of scores) {
    if (score.silhouette > bestValue + 1e-12) {
      bestValue = score.silhouette;
      best = score.k;
    }
  }
  return { scores, best };
}
