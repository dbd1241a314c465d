import type { EspFieldMap, EspId } from '../esp';
import { isSegmentToken } from './ir';

/**
 * Each ESP's name for Tailor's tokens when the caller's field map does not
 * name one. Standard profile fields use the ESP's own attribute (Braze
 * `first_name` [B1], HubSpot `firstname`, Mailchimp `FNAME` [M1]); any other
 * field keeps its token name in the ESP's naming style (SFMC PascalCase,
 * Mailchimp an upper-case tag of at most ten characters). Segments become
 * `tailor_segment_<name>` attributes the audience CSV fills with true/false.
 */
const STANDARD: Readonly<Record<string, Readonly<Record<EspId, string>>>> = {
  id: { braze: 'external_id', klaviyo: 'external_id', hubspot: 'tailor_id', sfmc: 'CustomerId', mailchimp: 'CUSTID' },
  email: { braze: 'email_address', klaviyo: 'email', hubspot: 'email', sfmc: 'EmailAddress', mailchimp: 'EMAIL' },
  first_name: { braze: 'first_name', klaviyo: 'first_name', hubspot: 'firstname', sfmc: 'FirstName', mailchimp: 'FNAME' },
  last_name: { braze: 'last_name', klaviyo: 'last_name', hubspot: 'lastname', sfmc: 'LastName', mailchimp: 'LNAME' },
  phone: { braze: 'phone_number', klaviyo: 'phone_number', hubspot: 'phone', sfmc: 'Phone', mailchimp: 'PHONE' },
  birth_date: { braze: 'date_of_birth', klaviyo: 'birthday', hubspot: 'date_of_birth', sfmc: 'BirthDate', mailchimp: 'BIRTHDAY' },
  gender: { braze: 'gender', klaviyo: 'gender', hubspot: 'gender', sfmc: 'Gender', mailchimp: 'GENDER' },
  city: { braze: 'city', klaviyo: 'city', hubspot: 'city', sfmc: 'City', mailchimp: 'CITY' },
  country: { braze: 'country', klaviyo: 'country', hubspot: 'country', sfmc: 'Country', mailchimp: 'COUNTRY' },
};

/** Braze's standard attributes, written `${name}`; everything else is `custom_attribute.${name}` [B1][B3]. */
export const BRAZE_STANDARD = new Set([
  'first_name',
  'last_name',
  'email_address',
  'city',
  'country',
  'date_of_birth',
  'gender',
  'language',
  'phone_number',
  'time_zone',
  'user_id',
  'external_id',
  'braze_id',
  'most_recent_locale',
  'random_bucket_number',
]);

/** Klaviyo profile properties read as `person.<name>`; custom ones go through `person|lookup:'…'` [K1]. */
export const KLAVIYO_STANDARD = new Set(['first_name', 'last_name', 'email', 'phone_number', 'organization', 'title', 'external_id']);

const words = (token: string): string[] => token.split(/[^a-zA-Z0-9]+/).filter(Boolean);

const segmentName = (token: string): string => token.slice('segment:'.length);

/**
 * Upper-case tags of at most ten characters: whole words while they fit
 * (`loyalty_tier` → `LOYALTY`, `last_order_date` → `LASTORDER`), then, for a
 * tag already taken, the initials of the words left out (`loyalty_points` → `LOYALTYP`).
 */
function mailchimpTags(token: string): string[] {
  const parts = (isSegmentToken(token) ? ['SEG_', ...words(segmentName(token))] : words(token)).map((w) =>
    w.toUpperCase().replace(/[^A-Z0-9_]/g, ''),
  );
  if (parts[0] !== undefined && !/^[A-Z]/.test(parts[0])) parts.unshift('T');
  let tag = '';
  let used = 0;
  for (const part of parts) {
    if (tag !== '' && tag.length + part.length > 10) break;
    tag += part;
    used++;
  }
  const initials = parts
    .slice(used)
    .map((part) => part.charAt(0))
    .join('');
  const whole = tag.slice(0, 10);
  return initials ? [whole, `${tag.slice(0, 10 - initials.length)}${initials}`.slice(0, 10)] : [whole];
}

function plainName(esp: EspId, token: string): string {
  if (isSegmentToken(token)) {
    const slug = words(segmentName(token)).join('_').toLowerCase();
    return esp === 'sfmc' ? `TailorSegment${words(segmentName(token)).map(capital).join('')}` : `tailor_segment_${slug}`;
  }
  if (esp === 'sfmc') return words(token).map(capital).join('');
  return token;
}

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The attribute a token becomes in `esp` without a caller's map. */
export function defaultAttribute(esp: EspId, token: string): string {
  const standard = STANDARD[token]?.[esp];
  if (standard) return standard;
  return esp === 'mailchimp' ? (mailchimpTags(token)[0] ?? 'FIELD') : plainName(esp, token);
}

/** The default map for these tokens (what the export dialog shows before the user edits it). */
export function defaultFieldMap(esp: EspId, tokens: Iterable<string>): Record<string, string> {
  const map: Record<string, string> = {};
  const used = new Set<string>();
  for (const token of tokens) {
    const base = defaultAttribute(esp, token);
    let name = esp === 'mailchimp' && !STANDARD[token] ? (mailchimpTags(token).find((tag) => !used.has(tag)) ?? base) : base;
    // Mailchimp tags are cut to ten characters: two long tokens must not become one tag.
    for (let n = 2; used.has(name); n++) name = `${base.slice(0, esp === 'mailchimp' ? 10 - String(n).length : undefined)}${n}`;
    used.add(name);
    map[token] = name;
  }
  return map;
}

/** The caller's name for a token if the map has one, else the default. */
export function attributeFor(esp: EspId, token: string, fieldMap: EspFieldMap, defaults: Readonly<Record<string, string>>): string {
  const mapped = fieldMap[token];
  if (mapped !== undefined && mapped.trim() !== '') return mapped.trim();
  return defaults[token] ?? defaultAttribute(esp, token);
}

/**
 * Tokens the ESP fills itself, written as its own tag rather than read from
 * the audience: the unsubscribe link (Braze [B3], Klaviyo [K5], HubSpot [H7],
 * SFMC ◐[S19], Mailchimp `*|UNSUB|*`). A caller's field map entry wins.
 */
export const NATIVE_OUTPUTS: Readonly<Record<string, Readonly<Record<EspId, string>>>> = {
  unsubscribe_url: {
    braze: '{{ ${set_user_to_unsubscribed_url} }}',
    klaviyo: '{% unsubscribe_link %}',
    hubspot: '{{ unsubscribe_link }}',
    sfmc: '%%unsub_center_url%%',
    mailchimp: '*|UNSUB|*',
  },
};
