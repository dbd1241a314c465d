import { z } from 'zod';

/**
 * The behaviour a customer is clustered on, each as of the run's date:
 * recency (days since the last order), frequency (orders), monetary
 * (revenue), tenure (days since the first order, or since the customer was
 * created if earlier), engagement (events in the engagement window) and
 * average order value.
 *
 * Counts and money are right-skewed (a few customers with hundreds of orders
 * would otherwise be a cluster of their own and squash everyone else), so
 * they are read as log(1 + x) before standardising; day counts are spread
 * evenly enough to standardise as they are.
 */
export const CLUSTER_FEATURES = ['recency', 'frequency', 'monetary', 'tenure', 'engagement', 'aov'] as const;
export const ClusterFeature = z.enum(CLUSTER_FEATURES);
export type ClusterFeature = z.infer<typeof ClusterFeature>;

export const FEATURE_INFO: Record<ClusterFeature, { label: string; unit: string; transform: 'log1p' | 'none'; needsOrders: boolean }> = {
  recency: { label: 'Recency', unit: 'days since last order', transform: 'none', needsOrders: true },
  frequency: { label: 'Frequency', unit: 'orders', transform: 'log1p', needsOrders: true },
  monetary: { label: 'Monetary', unit: 'revenue', transform: 'log1p', needsOrders: true },
  tenure: { label: 'Tenure', unit: 'days since first order', transform: 'none', needsOrders: true },
  engagement: { label: 'Engagement', unit: 'events in window', transform: 'log1p', needsOrders: false },
  aov: { label: 'Average order', unit: 'revenue per order', transform: 'log1p', needsOrders: true },
};

export const DEFAULT_CLUSTER_FEATURES: readonly ClusterFeature[] = ['recency', 'frequency', 'monetary', 'engagement'];

/** Customers with no order before the as-of date when an order feature is chosen: they get this label, not a cluster. */
export const NO_ORDERS_LABEL = 'No orders';
