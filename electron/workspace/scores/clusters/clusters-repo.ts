import { ContractError } from '../../../../shared/contract/envelope';
import { NO_ORDERS_LABEL } from '../../../../shared/scores/clusters/cluster-features';
import { ClusterSettings, ClustersSummary, type ClustersRun } from '../../../../shared/scores/clusters/cluster-run';
import type { Db } from '../../db';
import { renameLabelInSegments } from '../../segments-repo';
import { noteWrite } from '../../write-generation';
import { scoreRun } from '../score-store';

/** The latest clustering, or null before the first (or when its stored record is from another version). */
export function latestClustersRun(db: Db): ClustersRun | null {
  const run = scoreRun(db, 'clusters');
  if (!run) return null;
  const settings = ClusterSettings.safeParse(run.settings);
  const summary = ClustersSummary.safeParse(run.summary);
  if (!settings.success || !summary.success) return null;
  return { settings: settings.data, summary: summary.data, computedAt: run.computedAt };
}

/**
 * Renames a cluster: its members' `cluster` labels and the run's profile, in
 * one transaction, so a token and a `cluster equals <name>` condition see the
 * new name at once; segment rules that name the cluster are rewritten in the
 * same transaction, so they keep their members. Names stay unique (case-insensitive) and never take the
 * "No orders" label.
 */
export function renameCluster(db: Db, index: number, name: string): ClustersRun {
  const run = latestClustersRun(db);
  if (!run) throw new ContractError('not_found', 'There are no clusters yet: run the clustering first.');
  const cluster = run.summary.clusters.find((entry) => entry.index === index);
  if (!cluster) throw new ContractError('not_found', `There is no cluster ${index + 1} in the latest run.`);
  const taken = [NO_ORDERS_LABEL, ...run.summary.clusters.filter((entry) => entry.index !== index).map((entry) => entry.name)];
  if (taken.some((other) => other.toLowerCase() === name.toLowerCase()))
    throw new ContractError('conflict', `"${name}" is already the name of another group. Pick another name.`);
  const summary: ClustersSummary = {
    ...run.summary,
    clusters: run.summary.clusters.map((entry) => (entry.index === index ? { ...entry, name } : entry)),
  };
  db.transaction(() => {
    db.prepare("UPDATE customer_scores SET label = ? WHERE score = 'cluster' AND label = ?").run(name, cluster.name);
    db.prepare("UPDATE score_runs SET summary = ? WHERE model = 'clusters'").run(JSON.stringify(summary));
    renameLabelInSegments(db, 'cluster', cluster.name, name);
  })();
  // Labels change in place (no new run): cached tokens and counts would keep the old name.
  noteWrite(db);
  return { ...run, summary };
}
