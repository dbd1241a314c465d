import { InvalidArgumentError } from 'commander';
import type { DedupMerge, DedupRunReport } from '../../shared/contract/schemas';
import { DEFAULT_THRESHOLD } from '../../shared/dedup/find-duplicates';
import { openWorkspace, withApp } from './commands';
import { followCliJob } from './follow-cli-job';
import { EXIT, type Output } from './io';

export function parseThreshold(value: string): number {
  const threshold = Number(value);
  if (value.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new InvalidArgumentError('Give a score from 0 to 1, like 0.9.');
  }
  return threshold;
}

function formatClusters(clusters: DedupRunReport['clusters'], customers: number, compared: number, threshold: number): string[] {
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

/**
 * Finds duplicates through the contract's dedup job (a worker, with pushed progress and Ctrl+C to cancel), like
 * the studio; the pairs it finds wait in the review queue. With `autoMerge`, every cluster linked at or above the
 * threshold is merged in the same job.
 */
async function runDedupJob(out: Output, workspace: string, threshold: number, autoMerge: boolean): Promise<number> {
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const job = await followCliJob(
      out,
      client,
      app,
      () => client.call('dedup.start', { minScore: threshold, autoMergeAbove: autoMerge ? threshold : null }),
      { running: 'Looking for duplicates', cancelling: 'Cancelling the de-duplication...' },
    );
    const report = job.kind === 'dedup' ? job.result : null;
    if (job.status === 'cancelled' || report?.status === 'cancelled') {
      out.error('cancelled', 'de-duplication cancelled; the workspace is unchanged.');
      return EXIT.interrupted;
    }
    if (job.status !== 'succeeded' || !report) {
      out.error('internal', job.message ?? 'de-duplication stopped without a report.');
      return EXIT.input;
    }
    const document = {
      workspace: workspacePath,
      threshold,
      customers: report.customers,
      compared: report.compared,
      clusters: report.clusters,
    };
    if (out.json) {
      out.document(autoMerge ? { ...document, merged: report.merges.map(mergeDocument) } : document);
    } else {
      const clusters = formatClusters(report.clusters, report.customers, report.compared, threshold);
      out.lines(autoMerge ? [...clusters, ...formatMerges(report.merges)] : clusters);
    }
    return EXIT.ok;
  });
}

/**
 * Lists clusters of customers that are likely the same person (their pairs join the review queue, nothing is
 * merged); with --auto-merge the clusters are merged (survivorship and provenance as in the review queue).
 */
export async function dedupCommand(out: Output, workspace: string, opts: { threshold?: number; autoMerge?: boolean }): Promise<number> {
  return runDedupJob(out, workspace, opts.threshold ?? DEFAULT_THRESHOLD, opts.autoMerge === true);
}
