import type { EspId } from '../esp';
import type { Node } from './ir';
import { mapConditions } from './map-conditions';

/**
 * Whether the dialect's bare `if` on a stored boolean reads it as Liquid
 * does (false and no value are false). Klaviyo keeps the property a Boolean
 * [K8]; HubL (Jinjava) reads the text "false" as false (its ObjectTruthValue).
 * Braze documents booleans compared unquoted, `== true` [B4], and Tailor's
 * Braze presence test is `!= blank`, written for text; SFMC's `Empty()` and
 * Mailchimp's `*|IF:TAG|*` only ask whether there is a value, and "false" is one.
 */
const READS_BOOLEANS: Readonly<Record<EspId, boolean>> = { braze: false, klaviyo: true, hubspot: true, sfmc: false, mailchimp: false };

/**
 * A presence test on a boolean field (`{% if vip %}`, `{% unless vip %}`,
 * `vip == blank`) becomes a comparison with true where the ESP would read the
 * audience's `false` as a value: Liquid's `vip` is exactly `vip == true` for a
 * boolean or no value, and `vip == blank` is `vip != true`. Each writer then
 * compares with true in its own way (sfmc.ts, mailchimp.ts).
 */
export function booleanFieldTests(esp: EspId, nodes: readonly Node[], isBoolean: (token: string) => boolean): Node[] {
  if (READS_BOOLEANS[esp]) return [...nodes];
  return mapConditions(nodes, (c) =>
    (c.kind === 'present' || c.kind === 'blank') && c.operand.kind === 'field' && isBoolean(c.operand.token)
      ? { kind: 'compare', op: c.kind === 'present' ? '==' : '!=', left: c.operand, right: { kind: 'literal', value: true } }
      : c,
  );
}
