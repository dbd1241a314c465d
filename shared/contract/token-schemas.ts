import { z } from 'zod';
import { SCORE_MODELS, SCORE_NAMES, type ScoreName } from '../scores/score-names';
import { Id } from './schemas';

/**
 * What the studio shows about computed tokens: which scores exist and
 * whether this workspace has computed them (completions, the field picker),
 * and one customer's scores and segments (the customer dialog).
 */

const ScoreName = z.enum(SCORE_NAMES as [ScoreName, ...ScoreName[]]);
const ScoreModel = z.enum(SCORE_MODELS);

export const ScoreToken = z.object({
  name: ScoreName,
  /** PascalCase alias, like every field's. */
  alias: z.string(),
  model: ScoreModel,
  holds: z.enum(['number', 'label']),
  description: z.string(),
  /** The as-of date of the model run that wrote it; null until the model is computed in this workspace. */
  asOf: z.string().nullable(),
  /** An imported field has the same name and keeps it; the score is then `computed.<name>` in templates. */
  shadowed: z.boolean(),
});
export type ScoreToken = z.infer<typeof ScoreToken>;

export const SegmentName = z.object({ id: Id, name: z.string() });

export const ComputedTokenList = z.object({
  scores: z.array(ScoreToken),
  /** Every segment of the workspace, for `customer.segments contains '…'`. */
  segments: z.array(SegmentName),
  /** `segments` is an imported field here: membership is then `computed.segments`. */
  segmentsShadowed: z.boolean(),
});
export type ComputedTokenList = z.infer<typeof ComputedTokenList>;

export const CustomerComputed = z.object({
  scores: z.array(ScoreToken.extend({ value: z.union([z.number(), z.string()]) })),
  /** The segments the customer is in now (a segment whose rule cannot be evaluated is left out). */
  segments: z.array(SegmentName),
});
export type CustomerComputed = z.infer<typeof CustomerComputed>;
