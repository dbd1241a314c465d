import { segmentFilter } from '../segments-repo';
import type { Db } from '../db';

/** A segment's membership test for a few customers at once. */
export interface MembershipCheck {
  id: number;
  name: string;
  /** Which of these customers are members. One statement for all of them: a rule over orders or events groups the whole table once. */
  members(customerIds: readonly string[]): Set<string>;
}

/**
 * One membership test per segment, in name order. This is the one place
 * templates and the customer dialog learn who is in a segment, through
 * `segmentFilter`: a static segment's snapshot, a dynamic one's rule at its
 * own as-of date or today. A segment whose rule cannot be read or compiled
 * (a newer Tailor's rule, a field that is gone) is left out: it must never
 * break a preview.
 */
export function membershipChecks(db: Db): MembershipCheck[] {
  const rows = db.prepare('SELECT id, name FROM segments ORDER BY name COLLATE NOCASE, id').all() as { id: number; name: string }[];
  const checks: MembershipCheck[] = [];
  for (const row of rows) {
    let test: (customerIds: readonly string[]) => Set<string>;
    try {
      const { where, params } = segmentFilter(db, row.id);
      const statement = db.prepare(`SELECT id FROM customers WHERE id IN (SELECT value FROM json_each(?)) AND (${where})`).pluck();
      test = (customerIds) => new Set(statement.all(JSON.stringify(customerIds), ...params) as string[]);
    } catch {
      continue;
    }
    checks.push({ id: row.id, name: row.name, members: (customerIds) => safely(() => test(customerIds)) });
  }
  return checks;
}

/** A rule that compiles but fails on some row (a SQL function error) counts as "no members", not as a broken preview. */
function safely(test: () => Set<string>): Set<string> {
  try {
    return test();
  } catch {
    return new Set();
  }
}
