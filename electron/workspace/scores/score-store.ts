import { SCORES, scoresOf, type ScoreModel, type ScoreName } from '../../../shared/scores/score-names';
import { nowIso, type Db } from '../db';

/** One customer's scores from one model run: numbers for numeric scores, labels for tiers and clusters. */
export type ScoreValues = Partial<Record<ScoreName, number | string | null>>;

export interface ScoreRun {
  model: ScoreModel;
  asOf: string;
  modelVersion: string;
  settings: unknown;
  summary: unknown;
  computedAt: string;
}

/**
 * Replaces every score a model writes, with its run record, in one
 * transaction: a cancelled or killed computation leaves the previous run's
 * scores in place, never a mix. Call from a worker's own connection; rows
 * arrive as an iterable so a million customers need not sit in one array.
 */
export function replaceModelScores(
  db: Db,
  run: Omit<ScoreRun, 'computedAt'>,
  rows: Iterable<{ customerId: string; scores: ScoreValues }>,
): void {
  const names = scoresOf(run.model);
  const clear = db.prepare('DELETE FROM customer_scores WHERE score = ?');
  const insert = db.prepare('INSERT INTO customer_scores (score, customer_id, value, label) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const name of names) clear.run(name);
    for (const { customerId, scores } of rows) {
      for (const name of names) {
        const value = scores[name];
        if (value === undefined || value === null) continue;
        if (SCORES[name].holds === 'number') insert.run(name, customerId, Number(value), null);
        else insert.run(name, customerId, null, String(value));
      }
    }
    db.prepare(
      `INSERT INTO score_runs (model, as_of, model_version, settings, summary, computed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(model) DO UPDATE SET as_of = excluded.as_of, model_version = excluded.model_version,
         settings = excluded.settings, summary = excluded.summary, computed_at = excluded.computed_at`,
    ).run(run.model, run.asOf, run.modelVersion, JSON.stringify(run.settings ?? {}), JSON.stringify(run.summary ?? {}), nowIso());
  })();
}

/** Every stored score of one customer, by token name (what Liquid and the customer dialog show). */
export function customerScores(db: Db, customerId: string): ScoreValues {
  const rows = db.prepare('SELECT score, value, label FROM customer_scores WHERE customer_id = ?').all(customerId) as {
    score: ScoreName;
    value: number | null;
    label: string | null;
  }[];
  const out: ScoreValues = {};
  for (const row of rows) if (Object.hasOwn(SCORES, row.score)) out[row.score] = row.label ?? row.value;
  return out;
}

interface ScoreRunRow {
  model: ScoreModel;
  as_of: string;
  model_version: string;
  settings: string;
  summary: string;
  computed_at: string;
}

/** The latest run of a model, or null when it was never computed in this workspace. */
export function scoreRun(db: Db, model: ScoreModel): ScoreRun | null {
  const row = db.prepare('SELECT * FROM score_runs WHERE model = ?').get(model) as ScoreRunRow | undefined;
  if (!row) return null;
  return {
    model: row.model,
    asOf: row.as_of,
    modelVersion: row.model_version,
    settings: JSON.parse(row.settings) as unknown,
    summary: JSON.parse(row.summary) as unknown,
    computedAt: row.computed_at,
  };
}

/**
 * `replaceModelScores` for a model whose scores SQL computes: `select` yields
 * (customer_id, value, label) rows of the one score `score`, inserted in the
 * same transaction that clears the model's previous scores and records the
 * run, so a million rows never pass through JavaScript.
 */
export function replaceModelScoresFromQuery(
  db: Db,
  run: Omit<ScoreRun, 'computedAt'>,
  score: ScoreName,
  select: { sql: string; params: readonly unknown[] },
): void {
  db.transaction(() => {
    replaceModelScores(db, run, []);
    db.prepare(
      `INSERT INTO customer_scores (score, customer_id, value, label) SELECT ?, customer_id, value, label FROM (${select.sql})`,
    ).run(score, ...select.params);
  })();
}
