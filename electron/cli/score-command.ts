import { InvalidArgumentError } from 'commander';
import { AsOfDate } from '../../shared/scores/as-of-date';
import type { ScoreModel } from '../../shared/scores/score-names';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';
import { clustersScoreCommand } from './score-clusters';
import { intentScoreCommand } from './score-intent';
import type { ScoreModelCommand, ScoreOptions } from './score-job';

export type { ScoreOptions } from './score-job';

/** Every model the command knows, each in its own module; models not listed here are refused with the list. */
export const SCORE_COMMANDS: Partial<Record<ScoreModel, ScoreModelCommand>> = {
  intent: intentScoreCommand,
  clusters: clustersScoreCommand,
};

export function parseAsOf(value: string): string {
  const parsed = AsOfDate.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? 'Give a date as yyyy-mm-dd.');
  return parsed.data;
}

export function parseK(value: string): number {
  const k = Number(value);
  if (!/^\d+$/.test(value.trim()) || k < 2 || k > 8) throw new InvalidArgumentError('Give a number of clusters from 2 to 8.');
  return k;
}

/**
 * `tailor score <ws> <model>`: computes a model's scores through the
 * contract (its worker job, with progress and Ctrl+C to cancel) and prints
 * the stored result.
 */
export async function scoreCommand(out: Output, workspace: string, model: string, opts: ScoreOptions): Promise<number> {
  const entry = Object.hasOwn(SCORE_COMMANDS, model) ? SCORE_COMMANDS[model as ScoreModel] : undefined;
  if (!entry) {
    out.error('usage', `unknown model "${model}". Choose one of: ${Object.keys(SCORE_COMMANDS).join(', ')}.`);
    return EXIT.usage;
  }
  if (opts.k !== undefined && !entry.options.includes('k')) {
    out.error('usage', `--k applies to clusters only, not to ${model}.`);
    return EXIT.usage;
  }
  return withApp(out, async (client, app) => entry.run(out, client, app, await openWorkspace(client, workspace), opts));
}
