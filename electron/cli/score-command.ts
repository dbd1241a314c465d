import { InvalidArgumentError } from 'commander';
import type { Client } from '../../shared/contract/contract';
import { IsoDay } from '../../shared/scores/prediction-report';
import type { TailorApp } from '../services/app';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';
import { PREDICTION_SCORES } from './score-predictions';

export interface ScoreOptions {
  asOf?: string;
  days?: number;
}

/** One `tailor score <ws> <model>` entry: runs its model through the contract and prints its result. */
export interface ScoreEntry {
  description: string;
  run(out: Output, client: Client, app: TailorApp, workspacePath: string, options: ScoreOptions): Promise<number>;
}

/** The models `tailor score` knows, by name; each feature adds its entries (RFM, intent, clusters, churn, propensity). */
export const SCORE_ENTRIES: Record<string, ScoreEntry> = {
  ...PREDICTION_SCORES,
};

export function parseAsOf(value: string): string {
  const parsed = IsoDay.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('Give the as-of date as yyyy-mm-dd, like 2026-11-01.');
  return parsed.data;
}

export function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 3650) throw new InvalidArgumentError('Give a whole number of days from 1 to 3650.');
  return days;
}

/** `tailor score <workspace> <model>`: computes one model's scores for every customer and prints the run. */
export async function scoreCommand(out: Output, workspace: string, model: string, options: ScoreOptions): Promise<number> {
  const entry = Object.hasOwn(SCORE_ENTRIES, model) ? SCORE_ENTRIES[model] : undefined;
  if (!entry) {
    out.error('usage', `unknown model "${model}"; use one of: ${Object.keys(SCORE_ENTRIES).join(', ')}.`);
    return EXIT.usage;
  }
  return withApp(out, async (client, app) => entry.run(out, client, app, await openWorkspace(client, workspace), options));
}
