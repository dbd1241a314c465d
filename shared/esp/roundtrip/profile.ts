import type { EspId } from '../esp';

/** One attribute's value on an ESP contact: what the audience CSV carries, typed where the ESP keeps types. */
export type ProfileValue = string | number | boolean | readonly string[] | null;

/** A contact as the ESP holds it: attribute name (as in `DialectOutput.attributes`) → value. */
export type EspProfile = Readonly<Record<string, ProfileValue>>;

/**
 * The exported text asks for something the evaluator of that dialect does not
 * read (an unknown tag, filter or function). The round-trip check reports it
 * as a difference rather than guessing what the ESP would do.
 */
export class RoundTripUnsupported extends Error {
  constructor(
    message: string,
    readonly construct: string,
  ) {
    super(message);
    this.name = 'RoundTripUnsupported';
  }
}

/**
 * The bare attribute name a reference in the dialect points at: the field map
 * may name an attribute with its namespace (`custom_attribute.${tier}`,
 * `contact.tier`, `person.tier`) or without, and both must find the same value.
 * SFMC names are case-insensitive.
 */
export function attributeKey(esp: EspId, reference: string): string {
  let name = reference.trim();
  if (esp === 'braze') {
    name = name.replace(/^custom_attribute\./, '').replace(/^\$\{([\s\S]*)\}$/, '$1');
    // Braze's import names the id column external_id; a template reads the same value as ${user_id} [B3].
    if (name === 'user_id') name = 'external_id';
  }
  if (esp === 'hubspot') name = name.replace(/^contact\./, '');
  if (esp === 'klaviyo') name = name.replace(/^person\./, '');
  if (esp === 'sfmc')
    name = name
      .replace(/^%%([\s\S]*)%%$/, '$1')
      .replace(/^\[([\s\S]*)\]$/, '$1')
      .toLowerCase();
  if (esp === 'mailchimp') name = name.replace(/^\*\|([\s\S]*)\|\*$/, '$1').toUpperCase();
  return name;
}

/** Looks attributes up the way the ESP would find them, whichever spelling the field map used. */
export function profileLookup(esp: EspId, profile: EspProfile): (reference: string) => ProfileValue | undefined {
  const byKey = new Map<string, ProfileValue>();
  for (const [name, value] of Object.entries(profile)) byKey.set(attributeKey(esp, name), value);
  return (reference) => byKey.get(attributeKey(esp, reference));
}

/** How a value prints when it is not a string: the CSV text form, which is what the string-typed ESPs store. */
export function profileText(value: ProfileValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}
