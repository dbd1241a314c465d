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
  /** For label scores (RFM tier, cluster): the labels customers hold now, so a condition on a tier that does not exist is flagged. */
  labels: z.array(z.string()).default([]),
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

/** How the dictionary formats a token's value when it is rendered. */
export const TokenFormat = z.enum(['text', 'number', 'money', 'date', 'date-time']);
export type TokenFormat = z.infer<typeof TokenFormat>;

/**
 * One entry of the workspace's token dictionary: the name designers write,
 * the field it reads, the fallback used when the customer has no value, and
 * how the value is formatted. Completion, rendering and export read it.
 */
export const TokenDictionaryEntry = z.object({
  /** The token as written in templates, snake_case, e.g. `first_name` or `loyalty_points`. */
  name: z.string().trim().min(1).max(80),
  /** The field (canonical, custom or computed) it reads. */
  field: z.string().trim().min(1),
  /** Used when the value is missing; null: render nothing. */
  fallback: z.string().nullable(),
  format: TokenFormat.default('text'),
  /** The format's argument: a strftime pattern for dates, an ISO 4217 code for money; null: the workspace's default. */
  formatArg: z.string().nullable().default(null),
});
export type TokenDictionaryEntry = z.infer<typeof TokenDictionaryEntry>;
