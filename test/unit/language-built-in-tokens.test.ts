import { describe, expect, it } from 'vitest';
import { NATIVE_OUTPUTS } from '../../shared/esp/dialects/field-map';
import { VARIANT_TOKEN } from '../../shared/templates/variants';
import { tokenCompletions } from '../../renderer/features/studio/completion-items';
import { analyzeTemplate } from '../../renderer/features/studio/language/analyze-template';
import { buildCatalog } from '../../renderer/features/studio/language/token-catalog';
import { fieldInfo } from '../support/field-info';

/**
 * Tokens the app itself fills, not the customer data: the A/B variant being
 * rendered (`{% if variant == 'B' %}`, the documented way to vary body
 * blocks) and the unsubscribe link every ESP writes as its own tag (the demo
 * templates' footers use `unsubscribe_url`). They were reported as
 * "Unknown token", so the demo's own templates opened with a warning.
 */

const field = (key: string, filled: number) => fieldInfo(key, filled);

const catalog = buildCatalog({ fields: [field('id', 10), field('first_name', 9)], computed: null, dictionary: [] });

describe('tokens the app fills itself', () => {
  it('knows the A/B variant token', () => {
    expect(analyzeTemplate(`{% if ${VARIANT_TOKEN} == 'B' %}Bold offer{% else %}Plain offer{% endif %}`, catalog)).toEqual([]);
  });

  it("knows every ESP's own unsubscribe link, with or without a fallback", () => {
    for (const token of Object.keys(NATIVE_OUTPUTS)) {
      expect(analyzeTemplate(`<a href="{{ ${token} | default: 'https://example.com/u' }}">Unsubscribe</a>`, catalog)).toEqual([]);
      expect(analyzeTemplate(`<a href="{{ ${token} }}">Unsubscribe</a>`, catalog)).toEqual([]);
    }
  });

  it('offers them in completion, saying who fills them', () => {
    const offered = tokenCompletions(catalog);
    const variant = offered.find((item) => item.label === VARIANT_TOKEN);
    const unsubscribe = offered.find((item) => item.label === 'unsubscribe_url');
    expect(variant?.documentation).toMatch(/A\/B variant/);
    expect(unsubscribe?.documentation).toMatch(/ESP/);
  });

  it('still reports a misspelling of them', () => {
    const [problem] = analyzeTemplate(`{{ unsubscribe_ur | default: '#' }}`, catalog);
    expect(problem?.code).toBe('unknown-token');
    expect(problem?.replacement).toBe('unsubscribe_url');
  });

  it('lets an imported field of the same name win', () => {
    const own = buildCatalog({ fields: [field('id', 10), field('variant', 4)], computed: null, dictionary: [] });
    expect(own.tokens.filter((token) => token.name === 'variant').map((token) => token.kind)).toEqual(['field']);
  });
});
