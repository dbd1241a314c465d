/**
 * Which field keys each rule reads, per entity. Keys are the mapping's: the
 * canonical customer fields, the order and event fields of
 * shared/imports/activity-headers.ts, and custom columns by snake_case header.
 */
export interface FieldRoles {
  email?: string;
  phone?: string;
  /** The row's country: its phone numbers without a country code are read in it. */
  country?: string;
  birthDate?: string;
  /** Custom columns that state an age, in the languages headers are mapped from. */
  age: readonly string[];
  /** Dates that cannot lie in the future, and what to call them. */
  pastDates: readonly { key: string; what: string; time: boolean }[];
  amounts: readonly { key: string; what: string }[];
}

const AGE_KEYS = ['age', 'alter', 'edad', 'eta', 'idade', 'leeftijd', 'âge'];

export const ROLES: { readonly [entity: string]: FieldRoles } = {
  customers: {
    email: 'email',
    phone: 'phone',
    country: 'country',
    birthDate: 'birth_date',
    age: AGE_KEYS,
    pastDates: [{ key: 'birth_date', what: 'birth date', time: false }],
    amounts: [],
  },
  orders: { age: [], pastDates: [{ key: 'ordered_at', what: 'order date', time: true }], amounts: [{ key: 'total', what: 'amount' }] },
  events: { age: [], pastDates: [{ key: 'occurred_at', what: 'event time', time: true }], amounts: [] },
};
