import { RuleError } from '../rule-error';
import type { OrdersCondition } from '../rule-tree';
import { comparisonOf, compareValues, isComparison, numberValue, SQL_COMPARISON } from './compare';
import { dayCount, daysAgo, isIsoDate, lastDays } from './dates';
import { membership, type SqlBuilder } from './sql';

const MEASURE_LABEL = {
  count: 'Number of orders',
  total: 'Total spent',
  average: 'Average order value',
  first_order: 'First order date',
  last_order: 'Last order date',
} as const;

/** The customer's orders up to the as-of day, within the window and category when set. */
export function ordersScope(b: SqlBuilder, windowDays: number | null, category: string | null): string {
  const asOf = b.ctx.asOf;
  const parts: string[] = [];
  if (windowDays !== null) parts.push(`ordered_at >= ${b.bind(lastDays(asOf, windowDays).from)}`);
  parts.push(`ordered_at < ${b.bind(lastDays(asOf, 1).until)}`);
  if (category !== null && category.trim() !== '') parts.push(`category = ${b.bind(category.trim())} COLLATE NOCASE`);
  return parts.join(' AND ');
}

/**
 * "≥ 3 orders in the last 90 days", "total spent > 500", "last order more
 * than 60 days ago". Orders stamped after the as-of day never count. A
 * customer without orders in scope has count 0 and total 0, and no average
 * or dates, which match no comparison.
 */
export function ordersSql(b: SqlBuilder, condition: OrdersCondition): string {
  const what = MEASURE_LABEL[condition.measure];
  const scope = () => ordersScope(b, condition.windowDays, condition.category);
  const from = 'orders';
  switch (condition.measure) {
    case 'count':
    case 'total': {
      const op = comparisonOf(condition.op, what);
      const value = numberValue(condition.value, what);
      const aggregate = condition.measure === 'count' ? 'count(*)' : 'coalesce(sum(total), 0)';
      // "at least one order" needs no grouping.
      if (condition.measure === 'count' && ((op === 'gte' && value === 1) || (op === 'gt' && value === 0))) {
        return membership(b, condition, { from, where: scope, having: null, emptyMatches: false });
      }
      return membership(b, condition, {
        from,
        where: scope,
        having: () => `${aggregate} ${SQL_COMPARISON[op]} ${b.bind(value)}`,
        emptyMatches: compareValues(op, 0, value),
      });
    }
    case 'average': {
      const op = comparisonOf(condition.op, what);
      const value = numberValue(condition.value, what);
      return membership(b, condition, {
        from,
        where: scope,
        having: () => `avg(total) ${SQL_COMPARISON[op]} ${b.bind(value)}`,
        emptyMatches: false,
      });
    }
    case 'first_order':
    case 'last_order': {
      const day = `substr(${condition.measure === 'first_order' ? 'min' : 'max'}(ordered_at), 1, 10)`;
      return membership(b, condition, { from, where: scope, having: () => dateHaving(b, condition, day, what), emptyMatches: false });
    }
  }
}

function dateHaving(b: SqlBuilder, condition: OrdersCondition, day: string, what: string): string {
  if (condition.op === 'in_last_days') {
    return `${day} >= ${b.bind(lastDays(b.ctx.asOf, dayCount(condition.value, what)).from)}`;
  }
  if (condition.op === 'more_than_days_ago') {
    return `${day} < ${b.bind(daysAgo(b.ctx.asOf, dayCount(condition.value, what)))}`;
  }
  if (!isComparison(condition.op)) throw new RuleError(`${what}: pick how to compare it.`);
  const value = condition.value.trim();
  if (!isIsoDate(value)) throw new RuleError(`${what} is a date: "${condition.value}" is not a date (write it like 2026-03-01).`);
  return `${day} ${SQL_COMPARISON[condition.op]} ${b.bind(value)}`;
}
