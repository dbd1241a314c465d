import type { ImportEntityName } from '../../../shared/contract/schemas';

/** What each kind of file is called in the dialog, and what the import does with it. */
export const ENTITY_TEXT: Record<ImportEntityName, { label: string; title: string; description: string }> = {
  customers: {
    label: 'Customers',
    title: 'Import customers',
    description:
      'A CSV export from your CRM, ESP or spreadsheet. Columns are matched to customer fields; every other column is kept as a custom attribute.',
  },
  orders: {
    label: 'Orders',
    title: 'Import orders',
    description:
      'One row per order: order id, customer id or email, date and amount (currency, items, category and status if you have them). Orders of customers not imported yet are kept and attach when they arrive.',
  },
  events: {
    label: 'Events',
    title: 'Import events',
    description:
      'One row per event: customer id or email, type (product_view, cart_add, purchase, email_open, email_click…) and timestamp, with product, category and value if you have them. Re-importing the same events adds nothing.',
  },
};

export const ENTITY_ORDER: readonly ImportEntityName[] = ['customers', 'orders', 'events'];
