import { kmeans } from 'ml-kmeans';
import { silhouette } from 'simple-statistics';
import { Reservoir } from '../../audit/reservoir';

export interface KMeansFit {
  /** Cluster index of each point. */
  labels: number[];
  centroids: number[][];
  /** Sum of squared distances of points to their centroid (the elbow chart's y). */
  inertia: number;
}

export const squaredDistance = (a: readonly number[], b: readonly number[]): number => {
  let sum = 0;
  for (let j = 0; j < a.length; j++) {
    const d = (a[j] as number) - (b[j] as number);
    sum += d * d;
  }
  return sum;
};

/** Index of the nearest centroid; ties go to the lowest index. */
export function nearestCentroid(point: readonly number[], centroids: readonly (readonly number[])[]): number {
  let best = 0;
  let bestDistance = Infinity;
  centroids.forEach((centroid, index) => {
    const distance = squaredDistance(point, centroid);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

/**
 * Seeded K-Means with k-means++ initialisation (ml-kmeans): the same points,
 * k and seed always give the same clusters.
 */
export function fitKMeans(points: number[][], k: number, seed: number): KMeansFit {
  const result = kmeans(points, k, { initialization: 'kmeans++', seed, maxIterations: 100 });
  let inertia = 0;
  points.forEach((point, i) => {
    inertia += squaredDistance(point, result.centroids[result.clusters[i] as number] as number[]);
  });
  return { labels: result.clusters, centroids: result.centroids, inertia };
}

/** A seeded uniform sample of at most `size` indices out of `n`, in ascending order. */
export function sampleIndices(n: number, size: number, seed: number): number[] {
  if (n <= size) return Array.from({ length: n }, (_, i) => i);
  const reservoir = new Reservoir(size, seed);
  for (let i = 0; i < n; i++) reservoir.add(i);
  return [...reservoir.values].sort((a, b) => a - b);
}

/**
 * The mean silhouette of a clustering (−1 to 1; higher means tighter,
 * better separated clusters). It needs every pairwise distance, so callers
 * pass a sample of a large workspace.
 */
export function meanSilhouette(points: readonly number[][], labels: readonly number[]): number {
  // simple-statistics wants labels 0..G-1 with every group present.
  const dense = new Map<number, number>();
  const relabelled = labels.map((label) => {
    let index = dense.get(label);
    if (index === undefined) {
      index = dense.size;
      dense.set(label, index);
    }
    return index;
  });
  if (dense.size < 2) return 0;
  const values = silhouette(points, relabelled);
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** For each cluster, the index of its member nearest its centroid (the medoid as Tailor uses the word), or null when empty. */
export function medoids(points: readonly number[][], labels: readonly number[], centroids: readonly number[][]): (number | null)[] {
  const best: (number | null)[] = centroids.map(() => null);
  const bestDistance = centroids.map(() => Infinity);
  points.forEach((point, i) => {
    const label = labels[i] as number;
    const distance = squaredDistance(point, centroids[label] as number[]);
    if (distance < (bestDistance[label] as number)) {
      bestDistance[label] = distance;
      best[label] = i;
    }
  });
  return best;
}
