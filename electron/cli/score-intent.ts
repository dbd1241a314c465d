import type { IntentRun } from '../../shared/scores/intent/intent-summary';
import { EXIT } from './io';
import type { ScoreModelCommand } from './score-command';
import { followScoreJob } from './score-job';

function formatIntent(run: IntentRun, workspace: string): string[] {
  const { settings, summary } = run;
  const weights = Object.entries(settings.weights)
    .map(([type, weight]) => `${type} ${weight}`)
    .join(', ');
  const lines = [
    `Intent scores of ${workspace} at ${settings.asOf}`,
    `  window ${settings.windowDays} days, ${settings.halfLifeDays === null ? 'no decay' : `half-life ${settings.halfLifeDays} days`}; weights: ${weights}`,
    `  ${summary.customers.toLocaleString('en-US')} customers, ${summary.withIntent.toLocaleString('en-US')} with intent, highest score ${Number(summary.max.toFixed(2))}`,
  ];
  if (settings.threshold !== null) lines.push(`  High intent: score ≥ ${settings.threshold}`);
  if (summary.unweighted.length)
    lines.push(`  event types without a weight: ${summary.unweighted.map((entry) => `${entry.type} (${entry.count})`).join(', ')}`);
  return lines;
}

/** `tailor score <ws> intent`: weights, window and decay as last used (defaults the first time), at --as-of. */
export const intentScoreCommand: ScoreModelCommand = {
  summary: 'weighted recent events with an optional half-life (intent_score)',
  options: () => [],
  async run(out, client, app, opts) {
    const workspace = (await client.call('workspace.current', {}))?.path ?? '';
    const previous = await client.call('intent.latest', {});
    const settings = previous
      ? { weights: previous.settings.weights, windowDays: previous.settings.windowDays, halfLifeDays: previous.settings.halfLifeDays }
      : {};
    const { exit } = await followScoreJob(out, client, app, () => client.call('intent.start', { ...settings, asOf: opts.asOf }), 'intent');
    if (exit !== null) return exit;
    const run = await client.call('intent.latest', {});
    if (!run) {
      out.error('internal', 'the intent scoring finished but stored no run.');
      return EXIT.input;
    }
    if (out.json) out.document({ workspace, model: 'intent', ...run });
    else out.lines(formatIntent(run, workspace));
    return EXIT.ok;
  },
};
