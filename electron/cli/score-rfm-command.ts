import { InvalidArgumentError, Option } from 'commander';
import { MAX_BINS } from '../../shared/scores/rfm/settings';
import type { RfmRun } from '../../shared/scores/rfm/summary';
import { unreachableTiers } from '../../shared/scores/rfm/unreachable-tiers';
import { followCliJob } from './follow-cli-job';
import { EXIT } from './io';
import type { ScoreModelCommand } from './score-command';

function parseBins(value: string): number {
  const bins = Number(value);
  if (!/^\d+$/.test(value) || bins < 2 || bins > MAX_BINS)
    throw new InvalidArgumentError(`Give a whole number of bins from 2 to ${MAX_BINS}.`);
  return bins;
}

const count = (n: number): string => n.toLocaleString('en-US');
const money = (n: number | null): string =>
  n === null ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The tier table and the score counts, as a terminal table. */
export function formatRfmRun(run: RfmRun, workspace: string): string[] {
  const { summary } = run;
  const width = Math.max(4, ...summary.tiers.map((row) => row.tier.length));
  const lines = [
    `RFM of ${workspace} as of ${run.asOf} (${summary.method === 'rfm' ? 'rfm package bins' : 'quantile bins'}; ` +
      `bins R ${summary.bins.recency}, F ${summary.bins.frequency}, M ${summary.bins.monetary})`,
    `${count(summary.customers)} customers scored, ${count(summary.customersWithoutOrders)} without orders (no score); ` +
      `${count(summary.orders)} orders, revenue ${money(summary.revenue)}`,
    '',
    `${'Tier'.padEnd(width)}  ${'Customers'.padStart(10)}  ${'Orders'.padStart(10)}  ${'Revenue'.padStart(14)}  ${'Avg order'.padStart(10)}`,
  ];
  for (const row of summary.tiers)
    lines.push(
      `${row.tier.padEnd(width)}  ${count(row.customers).padStart(10)}  ${count(row.orders).padStart(10)}  ` +
        `${money(row.revenue).padStart(14)}  ${money(row.averageOrderValue).padStart(10)}`,
    );
  lines.push('');
  for (const measure of ['recency', 'frequency', 'monetary'] as const)
    lines.push(
      `${measure.padEnd(9)} score: ${summary.counts[measure].map((entry) => `${entry.score}: ${count(entry.customers)}`).join('  ')}`,
    );
  return lines;
}

/**
 * `tailor score <ws> rfm [--as-of date] [--bins n]`: the RFM job the studio
 * runs, with the workspace's saved settings (--bins overrides the bins of all
 * three measures for this run, without saving), then the stored summary.
 */
export const rfmScoreCommand: ScoreModelCommand = {
  summary: 'RFM scores and tiers (rfm_r, rfm_f, rfm_m, rfm_tier)',
  options: () => [
    new Option('--bins <n>', `rfm: bins for recency, frequency and monetary (2 to ${MAX_BINS}; default: the workspace's, 5)`).argParser(
      parseBins,
    ),
  ],
  async run(out, client, app, options) {
    const bins = typeof options.bins === 'number' ? options.bins : undefined;
    const saved = await client.call('scores.rfm.settings.get', {});
    const settings = bins === undefined ? saved : { ...saved, bins: { recency: bins, frequency: bins, monetary: bins } };
    const job = await followCliJob(out, client, app, () => client.call('scores.rfm.run', { asOf: options.asOf, settings }), {
      running: 'Scoring RFM',
      cancelling: 'Cancelling RFM scoring...',
    });
    if (job.status === 'cancelled') {
      out.error('cancelled', 'RFM scoring cancelled; the previous scores are kept.');
      return EXIT.interrupted;
    }
    if (job.status !== 'succeeded') {
      out.error('internal', job.message ?? 'RFM scoring failed.');
      return EXIT.input;
    }
    const run = await client.call('scores.rfm.summary', {});
    const workspace = (await client.call('workspace.current', {}))?.path ?? '';
    if (!run) {
      out.error('internal', 'RFM scoring finished but stored no summary.');
      return EXIT.input;
    }
    if (out.json) out.document({ workspace, model: 'rfm', ...run });
    else out.lines(formatRfmRun(run, workspace));
    for (const tier of unreachableTiers(settings)) out.note(tier.message);
    return EXIT.ok;
  },
};
