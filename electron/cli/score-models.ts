import type { ScoreModelCommand } from './score-command';
import { clustersScoreCommand } from './score-clusters';
import { intentScoreCommand } from './score-intent';
import { churnScoreCommand, propensityScoreCommand } from './score-predictions';
import { rfmScoreCommand } from './score-rfm-command';

/** The models `tailor score` knows, by name; a model adds its entry here (its command lives in its own file). */
export const SCORE_MODEL_COMMANDS: Record<string, ScoreModelCommand> = {
  rfm: rfmScoreCommand,
  intent: intentScoreCommand,
  clusters: clustersScoreCommand,
  churn: churnScoreCommand,
  propensity: propensityScoreCommand,
};
