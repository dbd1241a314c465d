import { describe, expect, it } from 'vitest';
import { toDialect } from '../../../shared/esp/to-dialect';

/**
 * A merge tag takes one modifier (`*|URL:TAG|*`, `*|LOWER:TAG|*`), so
 * `{{ favorite_category | downcase | url_encode }}` in a link used to keep
 * LOWER and drop the URL encoding: "Home & Garden" broke the link. Like a
 * date format, a value merge tags cannot compute becomes a derived attribute
 * Tailor fills per contact in the audience CSV.
 */
describe('Mailchimp, a value with two modifiers', () => {
  it('is precomputed as a derived merge tag instead of losing one modifier', () => {
    const out = toDialect('<a href="https://shop.example/?c={{ favorite_category | downcase | url_encode }}">Shop</a>', 'mailchimp', {});
    const derived = out.attributes.find((attribute) => attribute.kind === 'derived');
    expect(derived?.expression).toBe('favorite_category | downcase | url_encode');
    expect(out.source).toBe(`<a href="https://shop.example/?c=*|${derived?.attribute}|*">Shop</a>`);
    expect(out.warnings.map((warning) => warning.level)).toEqual(['info']);
  });

  it('one modifier is still a merge tag', () => {
    expect(toDialect('{{ favorite_category | url_encode }}', 'mailchimp', {}).source).toBe('*|URL:FAVORITE|*');
  });
});
