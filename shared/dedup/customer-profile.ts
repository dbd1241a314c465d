import type { Customer } from '../contract/schemas';
import type { DedupProfile } from './profile';

/**
 * Custom attribute keys (snake_case, as the importer stores them) that hold the
 * address parts de-duplication compares. Imports name them many ways; the first
 * filled key of each list wins, and every address-line key found is kept.
 */
const POSTCODE_KEYS = ['postcode', 'postal_code', 'post_code', 'zip', 'zip_code', 'zipcode'];
const STATE_KEYS = ['state', 'province', 'region', 'county'];
const STREET_NUMBER_KEYS = ['street_number', 'house_number'];
const ADDRESS_KEYS = [
  'address',
  'address_1',
  'address1',
  'address_line_1',
  'street',
  'street_address',
  'address_2',
  'address2',
  'address_line_2',
];

type CustomerFields = Pick<
  Customer,
  'id' | 'email' | 'first_name' | 'last_name' | 'phone' | 'birth_date' | 'city' | 'attributes' | 'typed'
>;

/** A stored typed value that is text (an ISO date, an E.164 phone); anything else falls back to the text column. */
function typedText(customer: CustomerFields, key: string): string | undefined {
  const value = customer.typed?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function firstFilled(attributes: Readonly<Record<string, string>>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = attributes[key];
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}

/**
 * A workspace customer as a profile to match. The customer id is deliberately
 * not the profile's identifier: ids are unique per record, so two records of one
 * person always disagree on it. Birth date and phone are their typed values
 * (ISO date, E.164) where the import stored them, so "05/03/1990" from a
 * day-first file and "1990-03-05" agree; the text is the fallback.
 */
export function customerProfile(customer: CustomerFields): DedupProfile {
  const { attributes } = customer;
  return {
    id: customer.id,
    firstName: customer.first_name ?? undefined,
    lastName: customer.last_name ?? undefined,
    email: customer.email ?? undefined,
    phone: typedText(customer, 'phone') ?? customer.phone ?? undefined,
    birthDate: typedText(customer, 'birth_date') ?? customer.birth_date ?? undefined,
    city: customer.city ?? undefined,
    postcode: firstFilled(attributes, POSTCODE_KEYS),
    state: firstFilled(attributes, STATE_KEYS),
    streetNumber: firstFilled(attributes, STREET_NUMBER_KEYS),
    addressLines: ADDRESS_KEYS.map((key) => attributes[key]).filter((line): line is string => line !== undefined),
  };
}
