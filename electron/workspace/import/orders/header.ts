import type { ColumnMapping } from '../../../../shared/contract/schemas';
import { ORDER_SYNONYMS } from '../../../../shared/imports/activity-headers';
import { mapRequiredHeaders } from '../activity/header';
import type { ImportContext } from '../pipeline';

/**
 * Customer, date and amount are required; order id, currency, items, category and status are optional
 * (an order without an id is known by its content: orderHashId).
 */
export function mapOrderHeader(fields: readonly string[], { name }: Omit<ImportContext, 'mapping'>): ColumnMapping[] {
  return mapRequiredHeaders(
    fields,
    ORDER_SYNONYMS,
    [
      { keys: ['customer_id', 'customer_email', 'customer'], label: 'customer id or email' },
      { keys: ['ordered_at'], label: 'order date' },
      { keys: ['total'], label: 'amount' },
    ],
    'orders',
    name,
  );
}
