import { createHash } from 'node:crypto';
import { EVENT_KEYS, type EventKey } from '../../../../shared/imports/activity-headers';
import { toSnakeKey } from '../../../../shared/fields/naming';
import { amountExample, cellReader, dayOrderExample } from '../activity/cells';
import { customerRef, type CustomerRef } from '../activity/customer-key';
import { DEFAULT_CONTEXT, parseMoney } from '../../../../shared/fields/types';
import { readTimestamp } from '../activity/read-values';
import { columnLocales } from '../sample-rows';
import { next, reject, type ImportContext, type Step } from '../pipeline';

/** An event as staged; `hash` identifies it across imports. */
export type StagedEvent = CustomerRef & {
  type: string;
  occurred_at: string;
  properties: Record<string, string | number>;
  hash: string;
};

const EVENT_KEY_SET: ReadonlySet<string> = new Set(EVENT_KEYS);
const isEventKey = (key: string): key is EventKey => EVENT_KEY_SET.has(key);

/**
 * The same event twice is the same customer doing the same thing at the same
 * moment: customer key, type, timestamp, product and value. Other properties
 * (a campaign name, a page) do not make it a different event.
 */
export function eventHash(event: { customer_key: string; type: string; occurred_at: string; product?: string; value?: number }): string {
  const parts = [event.customer_key, event.type, event.occurred_at, event.product ?? '', event.value ?? ''];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Cells to a staged event: customer, type (snake_case), timestamp and value parsed, or the row rejected with what to fix. */
export function eventValuesStep(context: ImportContext): Step<StagedEvent> {
  const read = cellReader(context.mapping, isEventKey);
  const locales = columnLocales(context, ['occurred_at', 'value']);
  const timeLocale = locales.get('occurred_at') ?? DEFAULT_CONTEXT;
  const valueLocale = locales.get('value') ?? DEFAULT_CONTEXT;
  return {
    name: 'event values',
    run: (row) => {
      const { known, extra } = read(row.record);
      const customer = customerRef(known, 'event');
      if (!customer.ok) return reject(customer.reason);
      if (known.type === undefined)
        return reject('no event type; fill one in, like product_view, cart_add, purchase, email_open or email_click');
      // "Product View", "product-view" and "product_view" are one type.
      const type = toSnakeKey(known.type);
      if (type === '') return reject(`event type "${known.type}" has no letters or digits; use a name like product_view`);
      if (known.occurred_at === undefined) return reject('no timestamp; fill one in (like 2026-03-01T09:30:00Z)');
      const time = readTimestamp(known.occurred_at, timeLocale);
      if (!time.ok)
        return reject(
          `timestamp "${known.occurred_at}" is not a date and time (${time.reason}); write it like 2026-03-01T09:30:00Z or ${dayOrderExample(timeLocale)} 09:30`,
        );
      const occurredAt = time.value;
      let value: number | undefined;
      if (known.value !== undefined) {
        const parsed = parseMoney(known.value, valueLocale);
        if (!parsed.ok)
          return reject(`value "${known.value}" is not a number (${parsed.reason}); write it like ${amountExample(valueLocale)}`);
        value = parsed.value.amount;
      }
      const properties: Record<string, string | number> = { ...extra };
      if (known.product !== undefined) properties.product = known.product;
      if (known.category !== undefined) properties.category = known.category;
      if (value !== undefined) properties.value = value;
      row.value = {
        ...customer.ref,
        type,
        occurred_at: occurredAt,
        properties,
        hash: eventHash({ customer_key: customer.ref.customer_key, type, occurred_at: occurredAt, product: known.product, value }),
      };
      return next;
    },
  };
}
