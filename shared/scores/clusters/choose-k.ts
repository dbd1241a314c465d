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

/** Silhouettes this close to the best are a tie: fewer clusters are easier to name and to use. */
export const SILHOUETTE_TOLERANCE = 0.02;

/**
 * Fits every k of the range and scores it: the elbow (inertia) and the mean
 * silhouette on a seeded sample. `onK` reports each k as it is done. The
 * suggested k is the smallest whose silhouette is within
 * `SILHOUETTE_TOLERANCE` of the best: on customer data silhouettes are often
 * nearly flat across k, and the largest k winning by a hair is noise.
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
  const top = Math.max(...scores.map((score) => score.silhouette));
  const best = scores.find((score) => score.silhouette >= top - SILHOUETTE_TOLERANCE)?.k ?? 2;
  return { scores, best };
}
