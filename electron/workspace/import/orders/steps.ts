import { createHash } from 'node:crypto';
import { ORDER_KEYS, type OrderKey } from '../../../../shared/imports/activity-headers';
import { amountExample, cellReader, dayOrderExample } from '../activity/cells';
import { customerRef, type CustomerRef } from '../activity/customer-key';
import { DEFAULT_CONTEXT, parseMoney } from '../../../../shared/fields/types';
import { readTimestamp } from '../activity/read-values';
import { columnLocales } from '../sample-rows';
import { next, reject, type ImportContext, type Step } from '../pipeline';
import { ensureKeyTable } from '../customers/steps';
import { fmt } from '../text';

/** An order as staged. */
export type StagedOrder = CustomerRef & {
  order_id: string;
  /** The file gave no order id: order_id is its content hash (orderHashId). */
  hashed?: true;
  ordered_at: string;
  total: number;
  currency?: string;
  status?: string;
  items?: number;
  category?: string;
  attributes: Record<string, string>;
};

const ORDER_KEY_SET: ReadonlySet<string> = new Set(ORDER_KEYS);
const isOrderKey = (key: string): key is OrderKey => ORDER_KEY_SET.has(key);

/**
 * The id of an order the file gives no id for: a hash of what makes it that
 * order (customer, date and time, amount, currency, items, category), so the
 * same order imported again lands on the same row instead of a copy.
 */
export function orderHashId(order: {
  customer_key: string;
  ordered_at: string;
  total: number;
  currency?: string;
  items?: number;
  category?: string;
}): string {
  const parts = [order.customer_key, order.ordered_at, order.total, order.currency ?? '', order.items ?? '', order.category ?? ''];
  return `hash-${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`;
}

/** Cells to a staged order: customer, date, amount and item count parsed, or the row rejected with what to fix. */
export function orderValuesStep(context: ImportContext): Step<StagedOrder> {
  const read = cellReader(context.mapping, isOrderKey);
  const locales = columnLocales(context, ['ordered_at', 'total']);
  const dateLocale = locales.get('ordered_at') ?? DEFAULT_CONTEXT;
  const amountLocale = locales.get('total') ?? DEFAULT_CONTEXT;
  return {
    name: 'order values',
    run: (row) => {
      const { known, extra } = read(row.record);
      const customer = customerRef(known, 'order');
      if (!customer.ok) return reject(customer.reason);
      if (known.ordered_at === undefined) return reject('no order date; fill one in (like 2026-03-01 or 2026-03-01T09:30:00Z)');
      const date = readTimestamp(known.ordered_at, dateLocale);
      if (!date.ok)
        return reject(
          `order date "${known.ordered_at}" is not a date (${date.reason}); write it like 2026-03-01, ${dayOrderExample(dateLocale)} or 2026-03-01T09:30:00Z`,
        );
      const orderedAt = date.value;
      if (known.total === undefined) return reject('no amount; fill in the order total');
      const money = parseMoney(known.total, amountLocale);
      if (!money.ok)
        return reject(`amount "${known.total}" is not a number (${money.reason}); write it like ${amountExample(amountLocale)}`);
      const total = money.value.amount;
      let items: number | undefined;
      if (known.items !== undefined) {
        items = Number(known.items);
        if (!/^\d+$/.test(known.items) || !Number.isSafeInteger(items))
          return reject(`items "${known.items}" is not a whole number; give the number of items in the order`);
      }
      // A currency column wins; else the amount's own mark ("1.234,50 €").
      const currency = known.currency?.toUpperCase() ?? money.value.currency ?? undefined;
      const content = { customer_key: customer.ref.customer_key, ordered_at: orderedAt, total, currency, items, category: known.category };
      row.value = {
        order_id: known.order_id ?? orderHashId(content),
        ...(known.order_id === undefined ? { hashed: true as const } : {}),
        ...customer.ref,
        ordered_at: orderedAt,
        total,
        ...(currency === undefined ? {} : { currency }),
        ...(known.status === undefined ? {} : { status: known.status.toLowerCase() }),
        ...(items === undefined ? {} : { items }),
        ...(known.category === undefined ? {} : { category: known.category }),
        attributes: extra,
      };
      return next;
    },
  };
}

/** The same order id twice in one file: the later row is rejected, naming the earlier one. */
export function duplicateOrderStep(context: ImportContext): Step<StagedOrder> {
  ensureKeyTable(context);
  const { db, importId } = context;
  const claim = db.prepare('INSERT INTO temp.import_keys (import_id, key, line) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const owner = db.prepare('SELECT line FROM temp.import_keys WHERE import_id = ? AND key = ?').pluck();
  return {
    name: 'duplicates',
    run: (row) => {
      const order = row.value;
      if (order === null) return next;
      const key = `order:${order.order_id}`;
      if (claim.run(importId, key, row.record.line).changes === 1) return next;
      const line = owner.get(importId, key) as number;
      if (order.hashed)
        return reject(`same order as line ${fmt(line)} (same customer, date, amount and items, and no order id); keep one of the two rows`);
      return reject(`duplicate order id "${order.order_id}": same order id as line ${fmt(line)}; keep one of the two rows`);
    },
  };
}
