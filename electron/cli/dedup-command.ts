import { InvalidArgumentError } from 'commander';
import { followJob } from '../../shared/contract/follow-job';
import type { DedupMerge, DedupRunReport } from '../../shared/contract/schemas';
import { DEFAULT_THRESHOLD, findDuplicates, type DuplicateCluster } from '../../shared/dedup/find-duplicates';
import { readProfiles } from '../workspace/dedup/read-profiles';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';

export function parseThreshold(value: string): number {
  const threshold = Number(value);
  if (value.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new InvalidArgumentError('Give a score from 0 to 1, like 0.9.');
  }
  return threshold;
}

/** Scores to four decimals: enough to order pairs, short enough to read. */
function clusterDocument(cluster: DuplicateCluster) {
  return {
    ids: cluster.ids,
    pairs: cluster.pairs.map((pair) => ({ a: pair.a, b: pair.b, score: Number(pair.score.toFixed(4)), explanation: pair.explanation })),
  };
}

function formatClusters(
  clusters: Pick<DuplicateCluster, 'ids' | 'pairs'>[] | DedupRunReport['clusters'],
  customers: number,
  compared: number,
  threshold: number,
): string[] {
  const lines = [
    `${clusters.length} group${clusters.length === 1 ? '' : 's'} of likely duplicates among ${customers.toLocaleString('en-US')} customers ` +
      `(${compared.toLocaleString('en-US')} pair${compared === 1 ? '' : 's'} compared, threshold ${threshold})`,
  ];
  for (const cluster of clusters) {
    lines.push('', `  ${cluster.ids.join(', ')}`);
    for (const pair of cluster.pairs) lines.push(`    ${pair.a} ~ ${pair.b}  ${pair.score.toFixed(3)}  ${pair.explanation}`);
  }
  return lines;
}

function mergeDocument(merge: DedupMerge) {
  return {
    id: merge.id,
    survivor: merge.survivorId,
    merged: merge.mergedId,
    score: merge.score === null ? null : Number(merge.score.toFixed(4)),
    moved: merge.moved,
    // Only the fields where the survivor took the other record's value.
    tookFromMerged: merge.chosen
      .filter((c) => c.from === merge.mergedId)
      .map((c) => ({ field: c.field, value: c.value, reason: c.reason })),
  };
}

function formatMerges(merges: DedupMerge[]): string[] {
  if (merges.length === 0) return ['', 'Nothing merged.'];
  const lines = [
    '',
    `Merged ${merges.length} customer${merges.length === 1 ? '' : 's'} (undo any of them in the studio's Duplicates view):`,
  ];
  for (const merge of merges) {
    const took = merge.chosen.filter((c) => c.from === merge.mergedId).map((c) => `${c.field} (${c.reason.replace('_', ' ')})`);
    lines.push(
      `  ${merge.mergedId} into ${merge.survivorId}  ${merge.score?.toFixed(3) ?? ''}  ${merge.moved.orders} orders, ${merge.moved.events} events moved` +
        (took.length ? `; kept its ${took.join(', ')}` : ''),
    );
  }
  return lines;
}

/** Finds duplicates in a worker job and merges every cluster linked at or above the threshold. */
async function autoMerge(out: Output, workspace: string, threshold: number): Promise<number> {
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const { jobId } = await client.call('dedup.start', { minScore: threshold, autoMergeAbove: threshold });
    const feed = { subscribe: app.events.subscribe.bind(app.events), get: (id: string) => client.call('jobs.get', { jobId: id }) };
    const job = await followJob(feed, jobId).done;
    const report = job.kind === 'dedup' ? job.result : null;
    if (job.status !== 'succeeded' || !report) {
      out.error('internal', job.message ?? 'de-duplication stopped without a report.');
      return EXIT.input;
    }
    if (out.json) {
      out.document({
        workspace: workspacePath,
        threshold,
        customers: report.customers,
        compared: report.compared,
        clusters: report.clusters,
        merged: report.merges.map(mergeDocument),
      });
    } else {
      out.lines([...formatClusters(report.clusters, report.customers, report.compared, threshold), ...formatMerges(report.merges)]);
    }
    return EXIT.ok;
  });
}

/**
 * Lists clusters of customers that are likely the same person; without --auto-merge it reads the workspace and
 * changes nothing, with it the clusters are merged (survivorship and provenance as in the review queue).
 */
export async function dedupCommand(out: Output, workspace: string, opts: { threshold?: number; autoMerge?: boolean }): Promise<number> {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  if (opts.autoMerge) return autoMerge(out, workspace, threshold);
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const profiles = readProfiles(app.session.require().db);
    const result = findDuplicates(profiles, { threshold });
    if (out.json) {
      out.document({
        workspace: workspacePath,
        threshold,
        customers: profiles.length,
        compared: result.compared,
        clusters: result.clusters.map(clusterDocument),
      });
    } else {
      out.lines(formatClusters(result.clusters, profiles.length, result.compared, threshold));
    }
    return EXIT.ok;
  });
}
