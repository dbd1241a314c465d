import { type EspId, TYPED_ATTRIBUTES } from '../esp';
import { type EspProfile, profileText, type ProfileValue } from '../roundtrip/profile';
import type { LiquidContext } from '../../templates/customer-context';
import { COMPUTED_NAMESPACE, SEGMENTS_TOKEN } from '../../templates/computed-tokens';
import { isSegmentToken } from '../dialects/ir';
import type { DerivedValues } from './derived-values';
import { neutraliseCell } from './neutralise';

/**
 * One customer as an ESP contact: each token's value (fields, scores,
 * segment memberships) under the ESP's attribute name. The same values feed
 * the audience CSV and the round-trip check, so the check proves the file
 * that is uploaded.
 */

function tokenValue(context: LiquidContext, token: string): ProfileValue {
  if (isSegmentToken(token)) {
    // The computed namespace holds the memberships even when an imported column is called "segments".
    const computed = context[COMPUTED_NAMESPACE];
    const segments = computed && typeof computed === 'object' && !Array.isArray(computed) ? computed[SEGMENTS_TOKEN] : undefined;
    // A boolean: Braze and Klaviyo import the column's true/false as one (segment-values.ts); the others keep the text.
    return Array.isArray(segments) && segments.includes(token.slice('segment:'.length));
  }
  const value = context[token];
  if (value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return null;
  return value;
}

/** `derived`: values the ESP cannot compute (a formatted date for Mailchimp), rendered by Tailor for this contact. */
export function contactProfile(
  esp: EspId,
  context: LiquidContext,
  fieldMap: Readonly<Record<string, string>>,
  derived?: DerivedValues,
): EspProfile {
  const profile: Record<string, ProfileValue> = {};
  for (const [token, attribute] of Object.entries(fieldMap)) {
    const value = tokenValue(context, token);
    profile[attribute] = TYPED_ATTRIBUTES[esp] || value === null ? value : profileText(value);
  }
  if (derived) Object.assign(profile, derived.of(context));
  return profile;
}

/** The contact's cells in `columns` order (attribute names), as text a spreadsheet will not execute. */
export function audienceCells(profile: EspProfile, columns: readonly string[]): string[] {
  return columns.map((column) => neutraliseCell(profileText(profile[column])));
}
