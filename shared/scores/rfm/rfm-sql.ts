import { scoreOfBin, type Measure } from './bins';
import type { TierRule } from './settings';

/** SQL text with `?` placeholders and the values they take, in order. */
export interface SqlFragment {
  sql: string;
  params: (number | string)[];
}

/**
 * `CASE WHEN x < cut1 THEN s1 … ELSE sn END`: the score of a column's value,
 * binned as binOf() bins (first bin whose upper bound is above the value)
 * and scored as scoreOfBin() scores. `column` is a name chosen by our code,
 * never user input; the cut points are bound.
 */
export function scoreCaseSql(column: string, cuts: readonly number[], measure: Measure): SqlFragment {
  const bins = cuts.length + 1;
  const whens = cuts.map((_, i) => `WHEN ${column} < ? THEN ${scoreOfBin(i + 1, bins, measure)}`);
  const last = String(scoreOfBin(bins, bins, measure));
  return { sql: whens.length ? `CASE ${whens.join(' ')} ELSE ${last} END` : last, params: [...cuts] };
}

/**
 * The tier table as one `CASE`: rules in order, first match wins, else the
 * other tier, exactly as tierOf() decides (tested against it). Names and
 * bounds are bound parameters, so a tier called `'); DROP` is just a name.
 */
export function tierCaseSql(
  columns: { recency: string; frequency: string; monetary: string },
  rules: readonly TierRule[],
  otherTier: string,
): SqlFragment {
  const params: (number | string)[] = [];
  const whens = rules.map((rule) => {
    params.push(...rule.recency, ...rule.frequency, ...rule.monetary, rule.name);
    return `WHEN ${columns.recency} BETWEEN ? AND ? AND ${columns.frequency} BETWEEN ? AND ? AND ${columns.monetary} BETWEEN ? AND ? THEN ?`;
  });
  params.push(otherTier);
  return { sql: whens.length ? `CASE ${whens.join(' ')} ELSE ? END` : '?', params };
}
