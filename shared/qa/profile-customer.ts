import type { Customer } from '../contract/schemas';
import { CANONICAL_KEYS } from '../fields/canonical';
import { toSnakeKey } from '../fields/naming';

/**
 * The customer a hand-made persona stands for: its typed-in fields, canonical
 * ones in their columns and the rest as attributes, under the snake_case key
 * the template reads (a typed "FirstName" is `first_name`). It has no typed
 * values, so Liquid reads them as text, as it would a customer imported
 * before typing; it is never stored.
 */
export function profileCustomer(personaId: number, profile: Readonly<Record<string, string>>): Customer {
  const customer: Customer = {
    id: profile.id?.trim() || `persona-${personaId}`,
    email: null,
    first_name: null,
    last_name: null,
    phone: null,
    birth_date: null,
    gender: null,
    city: null,
    country: null,
    attributes: {},
  };
  for (const [rawKey, value] of Object.entries(profile)) {
    const key = toSnakeKey(rawKey);
    if (!key || key === 'id') continue;
    const column = CANONICAL_KEYS.find((canonical) => canonical === key);
    if (column) customer[column] = value;
    else customer.attributes[key] = value;
  }
  return customer;
}
