import { FEATURE_INFO, NO_ORDERS_LABEL } from '../../../../shared/scores/clusters/cluster-features';
import { defaultClusterNames, featureMeans } from '../../../../shared/scores/clusters/cluster-profile';
import {
  CLUSTERS_MODEL_VERSION,
  type ClusterProfile,
  type ClusterSettings,
  type ClustersSummary,
} from '../../../../shared/scores/clusters/cluster-run';
import { K_RANGE, SILHOUETTE_SAMPLE, scoreKs } from '../../../../shared/scores/clusters/choose-k';
import { fitKMeans, medoids, nearestCentroid, sampleIndices } from '../../../../shared/scores/clusters/kmeans';
import { standardise } from '../../../../shared/scores/clusters/standardise';
import type { Db } from '../../db';
import { replaceModelScores } from '../score-store';
import { displayName, readFeatures } from './read-features';

/** K-Means is fitted on at most this many customers (a seeded sample); the rest join their nearest centroid. */
export const FIT_SAMPLE = 50_000;
/** Progress steps: read, one per k scored, the final fit, store. */
export const CLUSTER_STEPS = 1 + K_RANGE.length + 2;

/** A run that cannot cluster (no orders, too few customers) says why instead of failing. */
export type ClustersResult = { ok: true; summary: ClustersSummary } | { ok: false; message: string };

/**
 * Clusters the workspace's customers on the chosen features at the as-of
 * date and stores each customer's cluster name as its `cluster` score, with
 * the run's profile, k chart and medoids, in one transaction. With an order
 * feature chosen, customers without orders are labelled "No orders" rather
 * than clustered (their recency and order value do not exist).
 */
export function runClusters(db: Db, settings: ClusterSettings, onStep: (done: number) => void = () => {}): ClustersResult {
  const data = readFeatures(db, settings);
  const needsOrders = settings.features.some((feature) => FEATURE_INFO[feature].needsOrders);
  const members: number[] = [];
  data.ids.forEach((_, i) => {
    if (!needsOrders || data.hasOrders[i]) members.push(i);
  });
  onStep(1);
  if (data.ids.length === 0) return { ok: false, message: 'There are no customers to cluster yet. Import customers first.' };
  const minimum = (settings.k ?? 2) + 1;
  if (members.length < minimum) {
    return {
      ok: false,
      message: needsOrders
        ? `Only ${members.length} customer${members.length === 1 ? ' has' : 's have'} orders before ${settings.asOf}: clustering needs at least ${minimum}. Import orders, pick a later as-of date, or cluster on engagement alone.`
        : `Only ${members.length} customer${members.length === 1 ? '' : 's'}: clustering needs at least ${minimum}.`,
    };
  }

  const columns = settings.features.map((feature) => {
    const all = data.columns[feature];
    return Float64Array.from(members, (i) => all[i] as number);
  });
  const { points } = standardise(
    columns,
    settings.features.map((feature) => FEATURE_INFO[feature].transform),
  );
  const fitIndices = sampleIndices(points.length, FIT_SAMPLE, settings.seed);
  const fitPoints = fitIndices.length === points.length ? points : fitIndices.map((i) => points[i] as number[]);

  let steps = 1;
  const { scores, best } = scoreKs(fitPoints, settings.seed, () => onStep(++steps));
  const k = settings.k ?? best;
  const fit = fitKMeans(fitPoints, k, settings.seed);
  const rawLabels = fitPoints === points ? fit.labels : points.map((point) => nearestCentroid(point, fit.centroids));

  // Largest cluster first, so "Cluster 1" is the biggest whatever the seed's order.
  const sizes = fit.centroids.map((_, c) => rawLabels.filter((label) => label === c).length);
  const order = sizes.map((_, c) => c).sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);
  const rank = new Map(order.map((c, index) => [c, index]));
  const labels = rawLabels.map((label) => rank.get(label) as number);
  const centroids = order.map((c) => fit.centroids[c] as number[]);
  onStep(++steps);

  const names = defaultClusterNames(settings.features, centroids);
  const medoidIndex = medoids(points, labels, centroids);
  const clusters: ClusterProfile[] = centroids.map((centroid, c) => {
    const rows = labels.flatMap((label, i) => (label === c ? [i] : []));
    const medoid = medoidIndex[c];
    const medoidId = medoid === null || medoid === undefined ? null : (data.ids[members[medoid] as number] as string);
    return {
      index: c,
      name: names[c] as string,
      size: rows.length,
      means: featureMeans(columns, rows),
      centroid,
      medoid: medoidId === null ? null : { id: medoidId, name: displayName(db, medoidId) },
    };
  });
  const summary: ClustersSummary = {
    features: settings.features,
    k,
    chosenBy: settings.k === null ? 'silhouette' : 'user',
    customers: members.length,
    withoutOrders: data.ids.length - members.length,
    fitted: fitPoints.length,
    silhouetteSample: Math.min(fitPoints.length, SILHOUETTE_SAMPLE),
    kScores: scores,
    overall: featureMeans(columns, members.keys()),
    clusters,
  };

  const labelOf = new Map<number, string>(members.map((i, m) => [i, names[labels[m] as number] as string]));
  replaceModelScores(
    db,
    { model: 'clusters', asOf: settings.asOf, modelVersion: CLUSTERS_MODEL_VERSION, settings, summary },
    data.ids.map((customerId, i) => ({ customerId, scores: { cluster: labelOf.get(i) ?? NO_ORDERS_LABEL } })),
  );
  onStep(++steps);
  return { ok: true, summary };
}
