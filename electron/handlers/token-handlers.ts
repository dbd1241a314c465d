import type { Handlers } from '../../shared/contract/contract';
import type { ScoreToken } from '../../shared/contract/token-schemas';
import { toPascalAlias } from '../../shared/fields/naming';
import { SCORE_NAMES, SCORES, type ScoreName } from '../../shared/scores/score-names';
import { SEGMENTS_TOKEN } from '../../shared/templates/computed-tokens';
import { computedTokens } from '../services/computed-tokens';
import { scoreLabelSets } from '../services/derived-caches';
import type { Db } from '../workspace/db';
import { readDictionary } from '../workspace/token-dictionary-repo';
import type { HandlerContext } from './context';

function scoreToken(db: Db, name: ScoreName, shadowed: readonly string[]): ScoreToken {
  const score = SCORES[name];
  return {
    name,
    alias: toPascalAlias(name),
    model: score.model,
    holds: score.holds,
    description: score.description,
    asOf: computedTokens.runAsOf(db, score.model),
    shadowed: shadowed.includes(name),
    labels: score.holds === 'label' ? scoreLabels(db, name) : [],
  };
}

/**
 * The labels a label score holds now (a few dozen at most: tiers, clusters), for checking conditions on them.
 * Reading them groups every customer's score (a second on a million), so they are remembered until the scores change.
 */
function scoreLabels(db: Db, name: ScoreName): string[] {
  return scoreLabelSets.get(
    db,
    name,
    () =>
      db
        .prepare('SELECT label FROM customer_scores WHERE score = ? AND label IS NOT NULL GROUP BY label ORDER BY label LIMIT 100')
        .pluck()
        .all(name) as string[],
  );
}

/** Computed tokens for the studio: which exist (completions, field picker) and one customer's (customer dialog). */
export function tokenHandlers(ctx: HandlerContext): Pick<Handlers, 'tokens.computed' | 'tokens.customer' | 'tokens.dictionary'> {
  const db = () => ctx.session.require().db;
  return {
    'tokens.computed': () => {
      const shadowed = computedTokens.shadowedNames(db());
      const segments = db().prepare('SELECT id, name FROM segments ORDER BY name COLLATE NOCASE, id').all() as {
        id: number;
        name: string;
      }[];
      return {
        scores: SCORE_NAMES.map((name) => scoreToken(db(), name, shadowed)),
        segments,
        segmentsShadowed: shadowed.includes(SEGMENTS_TOKEN),
      };
    },
    'tokens.customer': ({ customerId }) => {
      const shadowed = computedTokens.shadowedNames(db());
      const values = computedTokens.valuesFor(db(), customerId);
      const scores = SCORE_NAMES.flatMap((name) => {
        const value = values.scores[name];
        return value === undefined ? [] : [{ ...scoreToken(db(), name, shadowed), value }];
      });
      return { scores, segments: values.segments };
    },
    'tokens.dictionary': () => readDictionary(db()),
  };
}
