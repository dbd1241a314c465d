import { FEATURE_INFO, type ClusterFeature } from './cluster-features';

/**
 * A default name for each cluster from what sets it apart most: the feature
 * whose centroid (in z-scores) is furthest from the overall mean, read in
 * the direction it goes ("High value", "Lapsed"). A cluster that stands out
 * on nothing is "Cluster N". Names are unique: a repeat gets a number.
 */
const NAMES: Record<ClusterFeature, { high: string; low: string }> = {
  recency: { high: 'Lapsed', low: 'Recent buyers' },
  frequency: { high: 'Frequent buyers', low: 'Occasional buyers' },
  monetary: { high: 'High value', low: 'Low value' },
  tenure: { high: 'Long-standing', low: 'Newcomers' },
  engagement: { high: 'Engaged', low: 'Quiet' },
  aov: { high: 'Big baskets', low: 'Small baskets' },
};

/** Below this many standard deviations from the mean a feature does not name a cluster. */
const STANDS_OUT = 0.4;

export function defaultClusterNames(features: readonly ClusterFeature[], centroids: readonly (readonly number[])[]): string[] {
  const used = new Map<string, number>();
  return centroids.map((centroid, index) => {
    let best = -1;
    let bestSize = STANDS_OUT;
    centroid.forEach((z, j) => {
      if (Math.abs(z) > bestSize) {
        bestSize = Math.abs(z);
        best = j;
      }
    });
    const feature = features[best];
    const base = feature === undefined ? `Cluster ${index + 1}` : NAMES[feature][(centroid[best] as number) > 0 ? 'high' : 'low'];
    const seen = (used.get(base.toLowerCase()) ?? 0) + 1;
    used.set(base.toLowerCase(), seen);
    return seen === 1 ? base : `${base} ${seen}`;
  });
}

/** Per-feature means of raw values over the given rows (profile table cells). */
export function featureMeans(columns: readonly ArrayLike<number>[], rows: Iterable<number>): number[] {
  const sums = columns.map(() => 0);
  let count = 0;
  for (const i of rows) {
    count++;
    columns.forEach((column, j) => {
      sums[j] = (sums[j] as number) + (column[i] as number);
    });
  }
  return sums.map((sum) => (count === 0 ? 0 : sum / count));
}

export const featureLabel = (feature: ClusterFeature): string => FEATURE_INFO[feature].label;
