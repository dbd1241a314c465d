import { ContractError } from '../../../../shared/contract/envelope';
import { IntentSettings } from '../../../../shared/scores/intent/intent-settings';
import { HIGH_INTENT_SEGMENT, IntentSummary, type IntentRun } from '../../../../shared/scores/intent/intent-summary';
import { RuleTree } from '../../../../shared/segments/rule-tree';
import { nowIso, type Db } from '../../db';
import { scoreRun } from '../score-store';

const highIntentSegment = (db: Db) =>
  (db.prepare('SELECT id, name FROM segments WHERE name = ? COLLATE NOCASE').get(HIGH_INTENT_SEGMENT) as
    { id: number; name: string } | undefined) ?? null;

/** The latest intent run, or null before the first (or when its stored record is from another version). */
export function latestIntentRun(db: Db): IntentRun | null {
  const run = scoreRun(db, 'intent');
  if (!run) return null;
  const settings = IntentSettings.safeParse(run.settings);
  const summary = IntentSummary.safeParse(run.summary);
  if (!settings.success || !summary.success) return null;
  return { settings: settings.data, summary: summary.data, computedAt: run.computedAt, segment: highIntentSegment(db) };
}

/** Customers whose stored intent score is at least `threshold` (what the "High intent" segment holds). */
export const countAtLeast = (db: Db, threshold: number): number =>
  db.prepare("SELECT count(*) FROM customer_scores WHERE score = 'intent_score' AND value >= ?").pluck().get(threshold) as number;

/** The rule of the "High intent" segment: a score condition the segment engine compiles. */
export const highIntentRule = (threshold: number): RuleTree =>
  RuleTree.parse({
    kind: 'group',
    combinator: 'and',
    negate: false,
    children: [{ kind: 'score', score: 'intent_score', op: 'gte', value: String(threshold), values: [] }],
  });

/**
 * Applies a threshold: keeps it in the run's settings (the next run and the
 * histogram show it) and creates or updates the "High intent" segment with
 * the rule `intent_score ≥ threshold`, in one transaction.
 */
export function applyThreshold(db: Db, threshold: number): { segment: { id: number; name: string }; count: number } {
  if (!scoreRun(db, 'intent')) throw new ContractError('conflict', 'Score intent first: the threshold applies to computed scores.');
  const rule = JSON.stringify(highIntentRule(threshold));
  const segment = db.transaction(() => {
    db.prepare("UPDATE score_runs SET settings = json_set(settings, '$.threshold', ?) WHERE model = 'intent'").run(threshold);
    const now = nowIso();
    db.prepare(
      `INSERT INTO segments (name, rule, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET rule = excluded.rule, updated_at = excluded.updated_at`,
    ).run(HIGH_INTENT_SEGMENT, rule, now, now);
    return highIntentSegment(db);
  })();
  if (!segment) throw new Error('the High intent segment was not written');
  return { segment, count: countAtLeast(db, threshold) };
}
