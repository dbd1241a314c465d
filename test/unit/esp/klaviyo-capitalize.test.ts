import { describe, expect, it } from 'vitest';
import { toDialect } from '../../../shared/esp/to-dialect';
import { evaluateDialect } from '../../../shared/esp/roundtrip/evaluate';
import { createLiquid } from '../../../shared/templates/liquid-engine';

/**
 * Liquid's capitalize upper-cases the first letter and lower-cases the rest;
 * Klaviyo's capitalize (its capfirst) only upper-cases the first character
 * (developers.klaviyo.com/en/docs/glossary_of_variable_filters), so a name
 * typed "Jorge Luis" printed "Jorge Luis" in Klaviyo and "Jorge luis" in
 * Tailor's preview, with no warning.
 */
describe('Klaviyo capitalize', () => {
  it('lower-cases first, so the contact reads exactly what the preview shows', () => {
    const liquid = '{{ first_name | capitalize }}';
    const written = toDialect(liquid, 'klaviyo', {}).source;
    expect(written).toBe('{{ person.first_name|lower|capitalize }}');
    for (const name of ['Jorge Luis', 'mARÍA josé', 'ana'])
      expect(evaluateDialect('klaviyo', written, { first_name: name }), name).toBe(
        createLiquid().parseAndRenderSync(liquid, { first_name: name }),
      );
  });
});
