import { InvalidArgumentError } from 'commander';
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

function formatClusters(clusters: DuplicateCluster[], customers: number, compared: number, threshold: number): string[] {
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

/** Lists clusters of customers that are likely the same person; it reads the workspace and changes nothing. */
export async function dedupCommand(out: Output, workspace: string, opts: { threshold?: number }): Promise<number> {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
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
