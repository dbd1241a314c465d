import { Liquid, LiquidError } from 'liquidjs';
import { attributeKey, type EspProfile, RoundTripUnsupported } from './profile';

/**
 * Evaluates Braze Liquid for one contact. Braze is Shopify Liquid plus its
 * attribute references, so a small pre-pass (as the research on brazejs
 * recommends) turns `${first_name}` and `custom_attribute.${tier}` into a
 * plain lookup and drops the `{{ }}` Braze allows around references inside
 * tags; LiquidJS then runs the rest. Braze evaluates in UTC.
 */

const PROFILE = '__braze_profile';

/** `custom_attribute.${zip code}` or `${first_name}`, names may hold spaces [B11]. */
const REFERENCE = /(?:custom_attribute\.)?\$\{([^}]*)\}/g;
const TAG = /\{%-?[\s\S]*?-?%\}/g;
const OUTPUT_IN_TAG = /\{\{\s*([\s\S]*?)\s*\}\}/g;

export function brazeToLiquid(source: string): string {
  const lookups = source.replace(REFERENCE, (_whole, name: string) => {
    const key = attributeKey('braze', name);
    if (key.includes('"')) throw new RoundTripUnsupported(`Attribute names with a double quote are not read: ${name}`, `\${${name}}`);
    return `${PROFILE}["${key}"]`;
  });
  // `{% if {{custom_attribute.${x}}} == 1 %}` is valid Braze [B11]; Liquid wants the bare reference.
  return lookups.replace(TAG, (tag) => tag.replace(OUTPUT_IN_TAG, '$1'));
}

const liquid = new Liquid({
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  timezoneOffset: 0,
  renderLimit: 1_000,
  memoryLimit: 50_000_000,
});

export function evaluateBraze(source: string, profile: EspProfile): string {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(profile)) {
    // A missing value renders blank and lets `default` apply [B2].
    values[attributeKey('braze', name)] = value === null || value === '' ? undefined : value;
  }
  try {
    return liquid.parseAndRenderSync(brazeToLiquid(source), { [PROFILE]: values }) as string;
  } catch (error) {
    if (error instanceof LiquidError) throw new RoundTripUnsupported(`Braze Liquid: ${error.message}`, error.token?.getText?.() ?? '');
    throw error;
  }
}
