import { FEATURE_INFO } from '../../shared/scores/clusters/cluster-features';
import type { ClustersRun } from '../../shared/scores/clusters/cluster-run';
import { EXIT } from './io';
import { InvalidArgumentError, Option } from 'commander';
import type { ScoreModelCommand } from './score-command';
import { followScoreJob } from './score-job';

const round = (value: number) => Number(value.toFixed(value >= 100 ? 0 : 2)).toLocaleString('en-US');

function formatClusters(run: ClustersRun, workspace: string): string[] {
  const { settings, summary } = run;
  const labels = summary.features.map((feature) => FEATURE_INFO[feature].label);
  const rows = [
    ['cluster', 'customers', ...labels, 'medoid'],
    ...summary.clusters.map((cluster) => [
      cluster.name,
      cluster.size.toLocaleString('en-US'),
      ...cluster.means.map(round),
      cluster.medoid ? `${cluster.medoid.name} (${cluster.medoid.id})` : '',
    ]),
    ['all', summary.customers.toLocaleString('en-US'), ...summary.overall.map(round), ''],
  ];
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((row) => (row[j] ?? '').length)));
  const best = summary.kScores.find((score) => score.k === summary.k);
  return [
    `Clusters of ${workspace} at ${settings.asOf}: k = ${summary.k} (${summary.chosenBy === 'user' ? 'chosen' : 'best silhouette'}${best ? `, silhouette ${best.silhouette.toFixed(3)}` : ''})`,
    ...(summary.withoutOrders
      ? [`  ${summary.withoutOrders.toLocaleString('en-US')} customers without orders are labelled "No orders".`]
      : []),
    '',
    ...rows.map((row) => `  ${row.map((cell, j) => cell.padEnd(widths[j] ?? 0)).join('  ')}`.trimEnd()),
  ];
}

function parseK(value: string): number {
  const k = Number(value);
  if (!/^\d+$/.test(value.trim()) || k < 2 || k > 8) throw new InvalidArgumentError('Give a number of clusters from 2 to 8.');
  return k;
}

/** `tailor score <ws> clusters [--k n]`: features as last used (defaults the first time), at --as-of. */
export const clustersScoreCommand: ScoreModelCommand = {
  summary: 'seeded k-means on standardised behaviour, k by silhouette unless --k (cluster)',
  options: () => [new Option('--k <n>', 'clusters: how many (2 to 8; default: the best silhouette)').argParser(parseK)],
  async run(out, client, app, opts) {
    const workspace = (await client.call('workspace.current', {}))?.path ?? '';
    const k = typeof opts.k === 'number' ? opts.k : null;
    const previous = await client.call('clusters.latest', {});
    const settings = previous ? { features: previous.settings.features, engagementDays: previous.settings.engagementDays } : {};
    const { exit } = await followScoreJob(
      out,
      client,
      app,
      () => client.call('clusters.start', { ...settings, asOf: opts.asOf, k }),
      'clusters',
    );
    if (exit !== null) return exit;
    const run = await client.call('clusters.latest', {});
    if (!run) {
      out.error('internal', 'the clustering finished but stored no run.');
      return EXIT.input;
    }
    if (out.json) out.document({ workspace, model: 'clusters', ...run });
    else out.lines(formatClusters(run, workspace));
    return EXIT.ok;
  },
};
