import type { IntentSettings } from '../../../../shared/scores/intent/intent-settings';
import { INTENT_MODEL_VERSION, type IntentSummary } from '../../../../shared/scores/intent/intent-summary';
import type { Db } from '../../db';
import { replaceModelScoresFromQuery } from '../score-store';
import { intentScoresSql, unweightedTypesSql } from './intent-sql';

/** At most about this many histogram bins. */
export const HISTOGRAM_BINS = 30;

/** A bin width of 1, 2, 2.5 or 5 times a power of ten at least `raw`, so bin edges read as round numbers. */
export function niceWidth(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((step) => step * power >= raw * (1 - 1e-9)) ?? 10) * power;
}
/** Steps reported as progress: score, summarise, store. */
export const INTENT_STEPS = 3;

/**
 * Scores intent for every customer at the settings' as-of date and stores
 * the scores with the run (settings and summary) in one transaction. The
 * scores are computed into a temporary table first, so the histogram and the
 * stored rows come from the same numbers.
 */
export function runIntent(db: Db, settings: IntentSettings, onStep: (done: number) => void = () => {}): IntentSummary {
  const scores = intentScoresSql(settings);
  db.exec('DROP TABLE IF EXISTS temp.intent_scores');
  db.prepare(`CREATE TEMP TABLE intent_scores AS ${scores.sql}`).run(...scores.params);
  onStep(1);

  const totals = db
    .prepare(
      `SELECT count(*) AS customers, coalesce(sum(value > 0), 0) AS withIntent, coalesce(sum(events), 0) AS events,
        coalesce(max(value), 0) AS max FROM temp.intent_scores`,
    )
    .get() as { customers: number; withIntent: number; events: number; max: number };
  const width = totals.max > 0 ? niceWidth(totals.max / HISTOGRAM_BINS) : 1;
  const binCount = totals.max > 0 ? Math.floor(totals.max / width) + 1 : 0;
  const counts = db
    .prepare(`SELECT CAST(value / ? AS INTEGER) AS bin, count(*) AS count FROM temp.intent_scores WHERE value > 0 GROUP BY bin`)
    .all(width) as { bin: number; count: number }[];
  const byBin = new Map(counts.map((row) => [row.bin, row.count]));
  const bins = Array.from({ length: binCount }, (_, bin) => ({ from: bin * width, to: (bin + 1) * width, count: byBin.get(bin) ?? 0 }));
  const unweightedQuery = unweightedTypesSql(settings);
  const unweighted = db.prepare(unweightedQuery.sql).all(...unweightedQuery.params) as { type: string; count: number }[];
  const summary: IntentSummary = { ...totals, bins, unweighted };
  onStep(2);

  replaceModelScoresFromQuery(
    db,
    { model: 'intent', asOf: settings.asOf, modelVersion: INTENT_MODEL_VERSION, settings, summary },
    'intent_score',
    { sql: 'SELECT customer_id, value, NULL AS label FROM temp.intent_scores', params: [] },
  );
  db.exec('DROP TABLE temp.intent_scores');
  onStep(3);
  return summary;
}
