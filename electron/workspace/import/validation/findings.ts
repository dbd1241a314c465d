import { z } from 'zod';
import { RuleCount } from '../../../../shared/contract/schemas';
import { RULES, RuleName } from '../../../../shared/validation';
import type { Db } from '../../db';
import { survivorOfSql } from '../../dedup/survivor-sql';
import type { ImportContext } from '../pipeline';

/** What an import's findings become when it commits: counts per rule, and flags on the customers it brought in. */

const IMPORTED = 'EXISTS (SELECT 1 FROM import_staging s WHERE s.import_id = f.import_id AND s.line = f.line)';
const REJECTED = 'EXISTS (SELECT 1 FROM import_rejections r WHERE r.import_id = f.import_id AND r.line = f.line)';

/**
 * Rows flagged per rule (among rows imported; a flagged row that a later step
 * rejected counts as rejected only) and rows rejected per rule. Runs inside the
 * final transaction, while the staged rows are still there.
 */
export function settleFindings(db: Db, importId: number): { flagged: number; counts: RuleCount[] } {
  const rows = db
    .prepare(
      `SELECT rule,
         count(DISTINCT CASE WHEN action = 'flag' AND ${IMPORTED} THEN line END) AS flagged,
         count(DISTINCT CASE WHEN action = 'reject' AND ${REJECTED} THEN line END) AS rejected
       FROM import_findings f WHERE import_id = ? GROUP BY rule`,
    )
    .all(importId) as { rule: string; flagged: number; rejected: number }[];
  const counts = rows.flatMap((row) => {
    const rule = RuleName.safeParse(row.rule);
    return rule.success && row.flagged + row.rejected > 0
      ? [{ rule: rule.data, label: RULES[rule.data].label, flagged: row.flagged, rejected: row.rejected }]
      : [];
  });
  const flagged = db
    .prepare(`SELECT count(DISTINCT line) FROM import_findings f WHERE import_id = ? AND action = 'flag' AND ${IMPORTED}`)
    .pluck()
    .get(importId) as number;
  db.prepare('UPDATE imports SET rows_flagged = ?, rule_counts = ? WHERE id = ?').run(flagged, JSON.stringify(counts), importId);
  return { flagged, counts };
}

/**
 * The customers this import brought in lose the flags an earlier import gave
 * them (the row was re-imported, maybe fixed) and get this import's. A staged
 * row lands on its id, else the customer with its email, else its derived id,
 * or the survivor of a merge that took that customer away, as the committer
 * resolved it.
 */
export function flagCustomers({ db, importId }: ImportContext): void {
  db.prepare(
    `DELETE FROM customer_flags WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = customer_flags.customer_id AND c.import_id = ?)`,
  ).run(importId);
  db.prepare(
    `INSERT INTO customer_flags (customer_id, import_id, rule, message, suggestion)
     SELECT ${survivorOfSql(`coalesce(
         s.record ->> '$.id',
         (SELECT c.id FROM customers c WHERE c.email = (s.record ->> '$.email') COLLATE NOCASE ORDER BY c.created_at, c.id LIMIT 1),
         s.record ->> '$.derived_id')`)},
       f.import_id, f.rule, f.message, f.suggestion
     FROM import_findings f JOIN import_staging s ON s.import_id = f.import_id AND s.line = f.line
     WHERE f.import_id = ? AND f.action = 'flag'`,
  ).run(importId);
}

export function readRuleCounts(json: string): RuleCount[] {
  try {
    const parsed = z.array(RuleCount).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Each rejected line's reject findings, by rule, for lines in `lines`. */
export function rejectReasons(db: Db, importId: number, lines: readonly number[]): Map<number, { rule: RuleName; message: string }[]> {
  const reasons = new Map<number, { rule: RuleName; message: string }[]>();
  if (lines.length === 0) return reasons;
  const first = Math.min(...lines);
  const last = Math.max(...lines);
  const rows = db
    .prepare(
      `SELECT line, rule, message FROM import_findings
       WHERE import_id = ? AND action = 'reject' AND line BETWEEN ? AND ? ORDER BY line, rowid`,
    )
    .all(importId, first, last) as { line: number; rule: string; message: string }[];
  const wanted = new Set(lines);
  for (const row of rows) {
    const rule = RuleName.safeParse(row.rule);
    if (!wanted.has(row.line) || !rule.success) continue;
    const list = reasons.get(row.line) ?? [];
    list.push({ rule: rule.data, message: row.message });
    reasons.set(row.line, list);
  }
  return reasons;
}
