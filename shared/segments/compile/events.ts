import type { EventsCondition } from '../rule-tree';
import { compareValues, type Comparison } from './compare';
import { lastDays } from './dates';
import { membership, type SqlBuilder } from './sql';

const COUNT_OPS: Record<EventsCondition['countOp'], Comparison> = { at_least: 'gte', at_most: 'lte', exactly: 'equals' };
const SQL_OPS: Record<Comparison, string> = { equals: '=', not_equals: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * The product and category of an event, as the events import stores them
 * (`properties.product`, `properties.category`). The category is also
 * copied to the column `category` (migration 14), which the
 * events_type_category index covers.
 */
export const EVENT_CATEGORY = 'category';
export const EVENT_PRODUCT = `(properties ->> '$.product')`;

/**
 * "did product_view in category shoes at least 2 times in the last 7 days";
 * "did not email_open in the last 60 days" (zero such events). Events after
 * the as-of day never count; category and product match without case.
 */
export function eventsSql(b: SqlBuilder, condition: EventsCondition): string {
  const op = COUNT_OPS[condition.countOp];
  // "at least 0 times" holds for everyone; decided before any parameter is bound.
  if (condition.did && op === 'gte' && condition.times === 0) return '1 = 1';
  const where = (): string => {
    const parts = [`type = ${b.bind(condition.eventType.trim())}`];
    if (condition.windowDays !== null) parts.push(`occurred_at >= ${b.bind(lastDays(b.ctx.asOf, condition.windowDays).from)}`);
    parts.push(`occurred_at < ${b.bind(lastDays(b.ctx.asOf, 1).until)}`);
    if (condition.category !== null && condition.category.trim() !== '') {
      parts.push(`${EVENT_CATEGORY} = ${b.bind(condition.category.trim())} COLLATE NOCASE`);
    }
    if (condition.product !== null && condition.product.trim() !== '') {
      parts.push(`${EVENT_PRODUCT} = ${b.bind(condition.product.trim())} COLLATE NOCASE`);
    }
    return parts.join(' AND ');
  };
  const from = 'events';
  if (!condition.did) return membership(b, condition, { from, where, having: null, emptyMatches: true });
  if (op === 'gte' && condition.times === 1) return membership(b, condition, { from, where, having: null, emptyMatches: false });
  return membership(b, condition, {
    from,
    where,
    having: () => `count(*) ${SQL_OPS[op]} ${b.bind(condition.times)}`,
    emptyMatches: compareValues(op, 0, condition.times),
  });
}
