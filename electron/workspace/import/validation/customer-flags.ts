import type { CustomerFlag, Rejection } from '../../../../shared/contract/schemas';
import { RULES, RuleName } from '../../../../shared/validation';
import type { CustomerFilter } from '../../customers-repo';
import type { Db } from '../../db';
import { rejectReasons } from './findings';

/** Customers an import flagged: a filter the customers list combines with search and segments. */
export const FLAGGED_FILTER: CustomerFilter = {
  where: 'id IN (SELECT customer_id FROM customer_flags)',
  params: [],
};

export function andFilters(a: CustomerFilter | undefined, b: CustomerFilter): CustomerFilter {
  return a === undefined ? b : { where: `(${a.where}) AND (${b.where})`, params: [...a.params, ...b.params] };
}

export function customerFlags(db: Db, customerId: string): CustomerFlag[] {
  const rows = db
    .prepare('SELECT rule, message, suggestion, import_id AS importId FROM customer_flags WHERE customer_id = ? ORDER BY rowid')
    .all(customerId) as { rule: string; message: string; suggestion: string | null; importId: number | null }[];
  return rows.flatMap((row) => {
    const rule = RuleName.safeParse(row.rule);
    return rule.success ? [{ ...row, rule: rule.data, label: RULES[rule.data].label }] : [];
  });
}

/** Rejections with their reasons one by one: a validation rule's, or the import's own single reason. */
export function withReasons(db: Db, importId: number, rows: readonly Omit<Rejection, 'reasons'>[]): Rejection[] {
  const byLine = rejectReasons(
    db,
    importId,
    rows.map((row) => row.line),
  );
  return rows.map((row) => ({ ...row, reasons: byLine.get(row.line) ?? [{ rule: null, message: row.reason }] }));
}
