import type { DialectOutput, EspFieldMap, EspId } from './esp';

/**
 * Rewrites Liquid-bearing HTML (the compiled MJML, Liquid left intact) into
 * the ESP's personalization language. Placeholder until the converters land:
 * it returns the input unchanged, with one warning saying so.
 */
export function toDialect(html: string, esp: EspId, fieldMap: EspFieldMap): DialectOutput {
  void fieldMap;
  return {
    esp,
    source: html,
    warnings: [{ line: null, construct: '', message: 'ESP conversion is not implemented yet: the Liquid is exported unchanged.' }],
    attributes: [],
  };
}
