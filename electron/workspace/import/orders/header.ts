import type { ColumnMapping } from '../../../../shared/contract/schemas';
import { ORDER_SYNONYMS } from '../../../../shared/imports/activity-headers';
import { mapRequiredHeaders } from '../activity/header';
import type { ImportContext } from '../pipeline';

/** Order id, customer, date and amount are required; currency, items, category and status are optional. */
export function mapOrderHeader(fields: readonly string[], { name }: Omit<ImportContext, 'mapping'>): ColumnMapping[] {
  return mapRequiredHeaders(
    fields,
    ORDER_SYNONYMS,
    [
      { keys: ['order_id'], label: 'order id' },
      { keys: ['customer_id', 'customer_email', 'customer'], label: 'customer id or email' },
      { keys: ['ordered_at'], label: 'order date' },
      { keys: ['total'], label: 'amount' },
    ],
    'orders',
    name,
  );
}
