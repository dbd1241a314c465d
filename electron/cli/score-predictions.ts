import type { Client } from '../../shared/contract/contract';
import type { ChurnSummary, PredictionModel, PropensitySummary } from '../../shared/scores/prediction-report';
import type { TailorApp } from '../services/app';
import { followCliJob } from './follow-cli-job';
import { EXIT, type Output } from './io';
import { InvalidArgumentError, Option } from 'commander';
import type { ScoreModelCommand, ScoreOptions } from './score-command';

/**
 * `tailor score <ws> churn` and `tailor score <ws> propensity`: the same
 * `predictions.run` job the studio's Predictions view starts (pushed
 * progress, Ctrl+C cancels and keeps the previous scores), then the stored
 * run: JSON with --json (the propensity AUC at the top), a summary otherwise.
 */

const number = (value: number, digits: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits });
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function bars(histogram: ChurnSummary['histogram'], label: string): string[] {
  const most = Math.max(1, ...histogram.map((bin) => bin.count));
  return [
    `${label}:`,
    ...histogram.map(
      (bin) =>
        `  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}  ${'█'.repeat(Math.round((30 * bin.count) / most)).padEnd(30)} ${number(bin.count, 0)}`,
    ),
  ];
}

export function formatChurn(summary: ChurnSummary, workspacePath: string): string[] {
  const { r, alpha, a, b } = summary.params;
  return [
    `${workspacePath}: churn (BG/NBD) as of ${summary.asOf}`,
    `${number(summary.customers, 0)} customers with a purchase scored; ${number(summary.repeatCustomers, 0)} bought again on a later day.`,
    `Parameters: r = ${number(r, 4)}, α = ${number(alpha, 3)} days, a = ${number(a, 4)}, b = ${number(b, 4)} (log-likelihood ${number(summary.logLikelihood, 1)})`,
    `Mean churn probability ${number(summary.meanChurn, 3)}; mean expected purchases in the next ${summary.days} days ${number(summary.meanExpectedPurchases, 3)}.`,
    ...bars(summary.histogram, 'Churn probability'),
  ];
}

export function formatPropensity(summary: PropensitySummary, workspacePath: string): string[] {
  return [
    `${workspacePath}: purchase propensity as of ${summary.asOf} (next ${summary.days} days)`,
    `Holdout AUC ${summary.auc.toFixed(3)}: trained at ${summary.cutoff} on who bought in the following ${summary.days} days ` +
      `(${number(summary.trainSize, 0)} training, ${number(summary.holdoutSize, 0)} holdout customers; ${percent(summary.baseRate)} bought).`,
    'Calibration on the holdout (deciles of the prediction):',
    ...summary.calibration.map(
      (bin, i) =>
        `  ${String(i + 1).padStart(2)}  predicted ${percent(bin.predicted).padStart(6)}  observed ${percent(bin.observed).padStart(6)}  (${bin.count})`,
    ),
    `${number(summary.customers, 0)} customers scored; mean propensity ${percent(summary.meanPropensity)}.`,
    ...bars(summary.histogram, 'Purchase propensity'),
  ];
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 3650) throw new InvalidArgumentError('Give a whole number of days from 1 to 3650.');
  return days;
}

const daysOption = () => [new Option('--days <n>', 'churn, propensity: the prediction window in days (default 90)').argParser(parseDays)];

async function runPrediction(out: Output, client: Client, app: TailorApp, model: PredictionModel, options: ScoreOptions): Promise<number> {
  const workspacePath = (await client.call('workspace.current', {}))?.path ?? '';
  const days = typeof options.days === 'number' ? options.days : undefined;
  const job = await followCliJob(out, client, app, () => client.call('predictions.start', { model, asOf: options.asOf, days }), {
    running: model === 'churn' ? 'Fitting BG/NBD' : 'Training the propensity model',
    cancelling: 'Cancelling; the previous scores are kept...',
  });
  if (job.status === 'cancelled') {
    out.error('cancelled', 'cancelled; the previous scores are kept.');
    return EXIT.interrupted;
  }
  if (job.status !== 'succeeded') {
    out.error(
      job.kind === 'predictions.run' && job.result?.status === 'not_enough_data' ? 'not_enough_data' : 'internal',
      job.message ?? 'the run failed.',
    );
    return EXIT.input;
  }
  const run = await client.call('predictions.latest', { model });
  if (!run) {
    out.error('internal', 'the run finished but left no scores.');
    return EXIT.input;
  }
  const { summary } = run;
  if (out.json) out.document({ workspace: workspacePath, ...(summary.model === 'propensity' ? { auc: summary.auc } : {}), ...run });
  else out.lines(summary.model === 'churn' ? formatChurn(summary, workspacePath) : formatPropensity(summary, workspacePath));
  return EXIT.ok;
}

export const churnScoreCommand: ScoreModelCommand = {
  summary: 'BG/NBD churn probability and expected purchases in the next --days days (churn_probability, expected_purchases)',
  options: daysOption,
  run: (out, client, app, options) => runPrediction(out, client, app, 'churn', options),
};

export const propensityScoreCommand: ScoreModelCommand = {
  summary: 'logistic regression purchase propensity in the next --days days, with holdout AUC (purchase_propensity)',
  options: daysOption,
  run: (out, client, app, options) => runPrediction(out, client, app, 'propensity', options),
};
