import { segmentFilter } from '../segments-repo';
import type { Db } from '../db';

/** A segment's membership test for one customer at a time. */
export interface MembershipCheck {
  id: number;
  name: string;
  isMember(customerId: string): boolean;
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
    let test: (customerId: string) => boolean;
    try {
      const { where, params } = segmentFilter(db, row.id);
      const statement = db.prepare(`SELECT 1 FROM customers WHERE id = ? AND (${where})`).pluck();
      test = (customerId) => statement.get(customerId, ...params) !== undefined;
    } catch {
      continue;
    }
    checks.push({ id: row.id, name: row.name, isMember: (customerId) => safely(() => test(customerId)) });
  }
  return checks;
}

/** A rule that compiles but fails on some row (a SQL function error) counts as "not a member", not as a broken preview. */
function safely(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}
