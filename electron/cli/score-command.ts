import type { Option } from 'commander';
import type { Client } from '../../shared/contract/contract';
import type { TailorApp } from '../services/app';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';
import { SCORE_MODEL_COMMANDS } from './score-models';

/** What every `tailor score <ws> <model>` gets: the as-of date, and the options the models declare (each reads its own). */
export interface ScoreOptions {
  asOf?: string;
  [option: string]: unknown;
}

/** One model of `tailor score`: its own options and how it runs and prints. Each lives in its own file, listed in score-models.ts. */
export interface ScoreModelCommand {
  summary: string;
  options: () => Option[];
  run(out: Output, client: Client, app: TailorApp, options: ScoreOptions): Promise<number>;
}

/** Every option any model declares, once each, for the command's help. */
export function scoreOptions(): Option[] {
  const seen = new Map<string, Option>();
  for (const model of Object.values(SCORE_MODEL_COMMANDS))
    for (const option of model.options()) seen.set(option.long ?? option.flags, option);
  return [...seen.values()];
}

/** `tailor score <workspace> <model>`: the model's computation through the contract, dispatched by the table. */
export async function scoreCommand(out: Output, workspace: string, model: string, options: ScoreOptions): Promise<number> {
  const command = SCORE_MODEL_COMMANDS[model];
  if (!command) {
    out.error('usage', `no score model "${model}"; use one of ${Object.keys(SCORE_MODEL_COMMANDS).join(', ')}.`);
    return EXIT.usage;
  }
  // Options are declared once for the command; one meant for another model is a usage error, never silently ignored.
  const own = new Set(command.options().map((option) => option.attributeName()));
  for (const [key, value] of Object.entries(options)) {
    if (key === 'asOf' || value === undefined || own.has(key)) continue;
    const owners = Object.entries(SCORE_MODEL_COMMANDS)
      .filter(([, other]) => other.options().some((option) => option.attributeName() === key))
      .map(([name]) => name);
    out.error('usage', `--${key} applies to ${owners.join(' and ')} only, not to ${model}.`);
    return EXIT.usage;
  }
  return withApp(out, async (client, app) => {
    await openWorkspace(client, workspace);
    return command.run(out, client, app, options);
  });
}
