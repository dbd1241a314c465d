import { z } from 'zod';
import { AsOfDate } from '../as-of-date';
import { ClusterFeature, DEFAULT_CLUSTER_FEATURES } from './cluster-features';

export const CLUSTERS_MODEL_VERSION = 'kmeans-1';
export const MIN_K = 2;
export const MAX_K = 8;

export const ClusterSettings = z.object({
  asOf: AsOfDate,
  features: z.array(ClusterFeature).min(1, 'Choose at least one feature.').max(6),
  /** Clusters to make; null picks the k with the best silhouette. */
  k: z.number().int().min(MIN_K).max(MAX_K).nullable(),
  /** Engagement counts events in this many days up to the as-of date. */
  engagementDays: z.number().int().min(1).max(3650),
  seed: z.number().int(),
});
export type ClusterSettings = z.infer<typeof ClusterSettings>;

export const ClustersStartInput = z.object({
  asOf: AsOfDate.optional(),
  features: ClusterSettings.shape.features.default([...DEFAULT_CLUSTER_FEATURES]),
  k: ClusterSettings.shape.k.default(null),
  engagementDays: ClusterSettings.shape.engagementDays.default(90),
  seed: ClusterSettings.shape.seed.default(1),
});

export const ClusterName = z.string().trim().min(1, 'A cluster needs a name.').max(60, 'Keep cluster names under 60 characters.');

export const ClusterProfile = z.object({
  index: z.number().int(),
  name: ClusterName,
  size: z.number().int(),
  /** Mean of each chosen feature's raw value (days, orders, revenue, events), in `features` order. */
  means: z.array(z.number()),
  /** The centroid in z-scores, in `features` order: how far each mean sits from the overall one. */
  centroid: z.array(z.number()),
  /** The member nearest the centroid, offered as a persona. */
  medoid: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ClusterProfile = z.infer<typeof ClusterProfile>;

export const ClustersSummary = z.object({
  features: z.array(ClusterFeature),
  k: z.number().int(),
  chosenBy: z.enum(['user', 'silhouette']),
  /** Customers clustered; `withoutOrders` more got the "No orders" label instead. */
  customers: z.number().int(),
  withoutOrders: z.number().int(),
  /** Points K-Means was fitted on: everyone, or a seeded sample of a large workspace (the rest join their nearest centroid). */
  fitted: z.number().int(),
  silhouetteSample: z.number().int(),
  kScores: z.array(z.object({ k: z.number().int(), inertia: z.number(), silhouette: z.number() })),
  overall: z.array(z.number()),
  clusters: z.array(ClusterProfile),
});
export type ClustersSummary = z.infer<typeof ClustersSummary>;

export const ClustersRun = z.object({ settings: ClusterSettings, summary: ClustersSummary, computedAt: z.string() });
export type ClustersRun = z.infer<typeof ClustersRun>;

export const ClustersOutcome = z.object({
  /** failed: nothing to cluster (no orders, too few customers); the message says what to do. */
  status: z.enum(['succeeded', 'cancelled', 'failed']),
  message: z.string(),
  k: z.number().int(),
  customers: z.number().int(),
});
export type ClustersOutcome = z.infer<typeof ClustersOutcome>;
