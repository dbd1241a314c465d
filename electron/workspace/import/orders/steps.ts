import { ORDER_KEYS, type OrderKey } from '../../../../shared/imports/activity-headers';
import { cellReader } from '../activity/cells';
import { customerRef, type CustomerRef } from '../activity/customer-key';
import { parseAmount, parseTimestamp } from '../activity/values';
import { next, reject, type ImportContext, type Step } from '../pipeline';
import { ensureKeyTable } from '../customers/steps';
import { fmt } from '../text';

/** An order as staged. */
export type StagedOrder = CustomerRef & {
  order_id: string;
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

/** Cells to a staged order: customer, date, amount and item count parsed, or the row rejected with what to fix. */
export function orderValuesStep({ mapping }: ImportContext): Step<StagedOrder> {
  const read = cellReader(mapping, isOrderKey);
  return {
    name: 'order values',
    run: (row) => {
      const { known, extra } = read(row.record);
      if (known.order_id === undefined) return reject('no order id; fill one in so the order can be told apart from the others');
      const customer = customerRef(known, 'order');
      if (!customer.ok) return reject(customer.reason);
      if (known.ordered_at === undefined) return reject('no order date; fill one in (like 2026-03-01 or 2026-03-01T09:30:00Z)');
      const orderedAt = parseTimestamp(known.ordered_at);
      if (orderedAt === null)
        return reject(`order date "${known.ordered_at}" is not a date; write it like 2026-03-01 or 2026-03-01T09:30:00Z`);
      if (known.total === undefined) return reject('no amount; fill in the order total');
      const total = parseAmount(known.total);
      if (total === null)
        return reject(`amount "${known.total}" is not a number; write it without currency signs or thousands separators, like 1234.50`);
      let items: number | undefined;
      if (known.items !== undefined) {
        items = Number(known.items);
        if (!/^\d+$/.test(known.items) || !Number.isSafeInteger(items))
          return reject(`items "${known.items}" is not a whole number; give the number of items in the order`);
      }
      row.value = {
        order_id: known.order_id,
        ...customer.ref,
        ordered_at: orderedAt,
        total,
        ...(known.currency === undefined ? {} : { currency: known.currency.toUpperCase() }),
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
      return reject(`duplicate order id "${order.order_id}": same order id as line ${fmt(line)}; keep one of the two rows`);
    },
  };
}
