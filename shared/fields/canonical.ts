import type { ColumnMapping } from '../contract/schemas';
import { compactHeader, toSnakeKey } from './naming';

/**
 * The customer fields Tailor knows by name, and how CSV headers map onto them.
 * Pure: the renderer uses it to preview a mapping before anything is imported.
 */

export const CANONICAL_KEYS = ['id', 'email', 'first_name', 'last_name', 'phone', 'birth_date', 'gender', 'city', 'country'] as const;
export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

export interface CanonicalField {
  key: CanonicalKey;
  label: string;
}

export const CANONICAL_FIELDS: readonly CanonicalField[] = [
  { key: 'id', label: 'Customer ID' },
  { key: 'email', label: 'Email' },
  { key: 'first_name', label: 'First name' },
  { key: 'last_name', label: 'Last name' },
  { key: 'phone', label: 'Phone' },
  { key: 'birth_date', label: 'Birth date' },
  { key: 'gender', label: 'Gender' },
  { key: 'city', label: 'City' },
  { key: 'country', label: 'Country' },
];

const CANONICAL_KEY_SET: ReadonlySet<string> = new Set(CANONICAL_KEYS);

export const isCanonicalKey = (key: string): key is CanonicalKey => CANONICAL_KEY_SET.has(key);

/**
 * Synonyms in compact form (see compactHeader: lowercase ASCII letters and
 * digits only), so "E-mail Address", "email_address" and "EmailAddress" all
 * land on "emailaddress". The names come from ESP and CRM exports (Mailchimp,
 * Klaviyo, Salesforce Marketing Cloud, HubSpot) and a few common non-English
 * spreadsheets.
 */
const SYNONYMS: Record<CanonicalKey, readonly string[]> = {
  id: ['id', 'customerid', 'custid', 'userid', 'externalid', 'contactid', 'subscriberkey', 'subscriberid', 'memberid', 'clientid'],
  email: ['email', 'emailaddress', 'emailaddr', 'mail', 'mailaddress'],
  first_name: ['firstname', 'first', 'givenname', 'fname', 'forename', 'prenom', 'vorname'],
  last_name: ['lastname', 'last', 'surname', 'familyname', 'lname', 'nachname'],
  phone: [
    'phone',
    'phonenumber',
    'phoneno',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'telephone',
    'telephonenumber',
    'tel',
    'cell',
    'cellphone',
    'cellnumber',
  ],
  birth_date: ['birthdate', 'dob', 'dateofbirth', 'birthday', 'birth'],
  gender: ['gender', 'sex'],
  city: ['city', 'town'],
  country: ['country', 'countrycode', 'countryname', 'countryiso'],
};

const SYNONYM_TO_KEY: ReadonlyMap<string, CanonicalKey> = new Map(
  CANONICAL_KEYS.flatMap((key) => SYNONYMS[key].map((synonym) => [synonym, key] as const)),
);

const stripBom = (header: string): string => (header.charCodeAt(0) === 0xfeff ? header.slice(1) : header);

/** The canonical field a header stands for, or null when it is a custom attribute. */
export function canonicalKeyFor(header: string): CanonicalKey | null {
  return SYNONYM_TO_KEY.get(compactHeader(stripBom(header))) ?? null;
}

/** Names a custom attribute may not take: the canonical fields, and `customer`, the template namespace. */
const RESERVED_KEYS: ReadonlySet<string> = new Set<string>([...CANONICAL_KEYS, 'customer', 'attributes']);

/**
 * Map every column of a CSV header, in order. No column is ever dropped: the
 * first column naming a canonical field gets it, anything else becomes a
 * custom attribute with a unique snake_case key that is never reserved, so an
 * attribute cannot shadow a field in templates.
 */
export function mapHeaders(headers: readonly string[]): ColumnMapping[] {
  const taken = new Set<string>();
  const custom = (base: string): string => {
    let key = base;
    for (let n = 2; taken.has(key) || RESERVED_KEYS.has(key); n++) key = `${base}_${n}`;
    return key;
  };
  return headers.map((raw, index) => {
    const header = stripBom(raw).trim();
    const canonical = canonicalKeyFor(header);
    if (canonical !== null && !taken.has(canonical)) {
      taken.add(canonical);
      return { header, key: canonical, kind: 'canonical' };
    }
    const key = custom(toSnakeKey(header) || `column_${index + 1}`);
    taken.add(key);
    return { header, key, kind: 'custom' };
  });
}

/** The mapping has something to identify a customer by. */
export const hasIdentityColumn = (mapping: readonly ColumnMapping[]): boolean =>
  mapping.some((column) => column.kind === 'canonical' && (column.key === 'id' || column.key === 'email'));
