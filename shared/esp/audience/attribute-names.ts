import type { EspFieldMap, EspId } from '../esp';

/**
 * The attribute name each Tailor token gets at an ESP unless the workspace
 * saved another (the field map is editable per workspace). Standard contact
 * fields take the ESP's own names (Mailchimp FNAME, HubSpot firstname, SFMC
 * FirstName, research §7); custom fields, scores and segment memberships
 * follow each ESP's naming style. A segment becomes a plain attribute
 * (`segment:VIP` → `tailor_segment_vip`), which every dialect can test.
 */

export const SEGMENT_TOKEN_PREFIX = 'segment:';
export const segmentToken = (segment: string): string => `${SEGMENT_TOKEN_PREFIX}${segment}`;

const STANDARD: Record<EspId, Readonly<Record<string, string>>> = {
  braze: {
    first_name: 'first_name',
    last_name: 'last_name',
    email: 'email',
    phone: 'phone',
    city: 'home_city',
    country: 'country',
    gender: 'gender',
    birth_date: 'dob',
  },
  klaviyo: { first_name: 'first_name', last_name: 'last_name', email: 'email', phone: 'phone_number', city: 'city', country: 'country' },
  hubspot: {
    first_name: 'firstname',
    last_name: 'lastname',
    email: 'email',
    phone: 'phone',
    city: 'city',
    country: 'country',
    gender: 'gender',
    birth_date: 'date_of_birth',
  },
  sfmc: {
    first_name: 'FirstName',
    last_name: 'LastName',
    email: 'EmailAddress',
    phone: 'Phone',
    city: 'City',
    country: 'Country',
    gender: 'Gender',
    birth_date: 'BirthDate',
  },
  mailchimp: {
    first_name: 'FNAME',
    last_name: 'LNAME',
    email: 'EMAIL',
    phone: 'PHONE',
    birth_date: 'BIRTHDAY',
    city: 'CITY',
    country: 'COUNTRY',
    gender: 'GENDER',
  },
};

const words = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());

const snake = (text: string): string => words(text).join('_') || 'field';
const pascal = (text: string): string =>
  words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('') || 'Field';
/** Mailchimp merge tags: upper-case letters, digits and underscore; kept to 10 characters, the commonly cited limit (research §5.1). */
const mergeTag = (text: string): string => (words(text).join('_').toUpperCase() || 'FIELD').slice(0, 10).replace(/_+$/, '');

export function suggestedAttribute(esp: EspId, token: string): string {
  if (token.startsWith(SEGMENT_TOKEN_PREFIX)) {
    const name = token.slice(SEGMENT_TOKEN_PREFIX.length);
    if (esp === 'sfmc') return `TailorSegment${pascal(name)}`;
    if (esp === 'mailchimp') return mergeTag(`seg ${name}`);
    return `tailor_segment_${snake(name)}`;
  }
  const standard = STANDARD[esp][token];
  if (standard) return standard;
  if (esp === 'sfmc') return pascal(token);
  if (esp === 'mailchimp') return mergeTag(token);
  if (esp === 'hubspot') return snake(token);
  return token;
}

/**
 * The map an export uses: saved names first, suggestions for the rest, and
 * no two tokens on one attribute (a clash, such as two long names cut to
 * the same 10-character merge tag, gets a number).
 */
export function effectiveFieldMap(esp: EspId, tokens: readonly string[], saved: EspFieldMap): Record<string, string> {
  const map: Record<string, string> = {};
  const taken = new Set<string>();
  const key = (name: string): string => name.toLowerCase();
  for (const token of tokens) {
    const name = saved[token];
    if (name !== undefined) {
      map[token] = name;
      taken.add(key(name));
    }
  }
  for (const token of tokens) {
    if (map[token] !== undefined) continue;
    const base = suggestedAttribute(esp, token);
    let name = base;
    for (let n = 2; taken.has(key(name)); n++) {
      const suffix = String(n);
      name = esp === 'mailchimp' ? `${base.slice(0, 10 - suffix.length)}${suffix}` : `${base}_${suffix}`;
    }
    map[token] = name;
    taken.add(key(name));
  }
  return map;
}

/** Why a name cannot be an attribute at this ESP, or null. */
export function attributeNameProblem(esp: EspId, name: string): string | null {
  if (name.trim() === '') return 'it is empty';
  if (name !== name.trim()) return 'it starts or ends with a space';
  if (esp === 'mailchimp' && !/^[A-Z0-9_]{1,10}$/.test(name))
    return 'a Mailchimp merge tag is up to 10 capital letters, digits or underscores';
  if (esp === 'sfmc' && /["%\]]/.test(name)) return 'it holds ", % or ], which AMPscript cannot name';
  if (esp === 'hubspot' && !/^[a-z][a-z0-9_]*$/.test(name))
    return 'a HubSpot internal property name is lower-case letters, digits and underscores';
  if (esp === 'braze' && /[${}]/.test(name)) return 'it holds $, { or }, which Braze Liquid cannot name';
  if (esp === 'klaviyo' && /['"]/.test(name)) return 'it holds a quote';
  return null;
}
