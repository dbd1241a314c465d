import type { ColumnMapping } from '../../../../shared/contract/schemas';
import { EVENT_SYNONYMS } from '../../../../shared/imports/activity-headers';
import { mapRequiredHeaders } from '../activity/header';
import type { ImportContext } from '../pipeline';

/** Customer, type and timestamp are required; product, category, value and any other column are kept as properties. */
export function mapEventHeader(fields: readonly string[], { name }: Omit<ImportContext, 'mapping'>): ColumnMapping[] {
  return mapRequiredHeaders(
    fields,
    EVENT_SYNONYMS,
    [
      { keys: ['customer_id', 'customer_email', 'customer'], label: 'customer id or email' },
      { keys: ['type'], label: 'event type' },
      { keys: ['occurred_at'], label: 'timestamp' },
    ],
    'events',
    name,
  );
}
