import { FEATURE_INFO, type ClusterFeature } from './cluster-features';

/** How a feature far above or below the mean reads as a cluster name. */
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

/** The features that set a centroid apart, most distinctive first, as their words. */
function descriptors(features: readonly ClusterFeature[], centroid: readonly number[]): string[] {
  return centroid
    .map((z, j) => ({ z, feature: features[j] }))
    .filter((entry): entry is { z: number; feature: ClusterFeature } => entry.feature !== undefined && Math.abs(entry.z) > STANDS_OUT)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .map(({ z, feature }) => NAMES[feature][z > 0 ? 'high' : 'low']);
}

/**
 * A default name for each cluster from what sets it apart most: the feature
 * whose centroid (in z-scores) is furthest from the overall mean, read in
 * the direction it goes ("High value", "Lapsed"); when another cluster has
 * that name, the next feature qualifies it ("Lapsed, low value"). A cluster
 * that stands out on nothing is "Cluster N". Names are unique.
 */
export function defaultClusterNames(features: readonly ClusterFeature[], centroids: readonly (readonly number[])[]): string[] {
  const used = new Set<string>();
  const take = (name: string) => {
    used.add(name.toLowerCase());
    return name;
  };
  return centroids.map((centroid, index) => {
    const words = descriptors(features, centroid);
    const [first, ...rest] = words;
    if (first === undefined || !used.has(first.toLowerCase())) return take(first ?? `Cluster ${index + 1}`);
    for (const second of rest) {
      const name = `${first}, ${second.toLowerCase()}`;
      if (!used.has(name.toLowerCase())) return take(name);
    }
    let n = 2;
    while (used.has(`${first} ${n}`.toLowerCase())) n++;
    return take(`${first} ${n}`);
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
