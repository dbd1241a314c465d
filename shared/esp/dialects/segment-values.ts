import { SEGMENT_MEMBER_VALUE, TYPED_ATTRIBUTES, type EspId } from '../esp';
import { isSegmentToken, type Node } from './ir';
import { mapConditions } from './map-conditions';

/**
 * A segment condition (`customer.segments contains 'VIP'`) tests the
 * segment's attribute against SEGMENT_MEMBER_VALUE, the text `true` every
 * audience CSV carries. Braze and Klaviyo type that column on import: Braze's
 * CSV import stores `true`/`false` as a Boolean custom attribute [B-import],
 * which Braze Liquid compares unquoted (`== true`, [B4]); Klaviyo keeps
 * booleans typed too [K8]. Comparing a Boolean with the text 'true' is false
 * in both, so for them the test compares with the boolean instead. HubSpot,
 * SFMC and Mailchimp store the text as written and keep comparing text.
 */
export function segmentTestsFor(esp: EspId, nodes: readonly Node[]): Node[] {
  if (!TYPED_ATTRIBUTES[esp]) return [...nodes];
  return mapConditions(nodes, (c) =>
    c.kind === 'compare' &&
    c.left.kind === 'field' &&
    isSegmentToken(c.left.token) &&
    c.right.kind === 'literal' &&
    c.right.value === SEGMENT_MEMBER_VALUE
      ? { ...c, right: { kind: 'literal', value: true } }
      : c,
  );
}
