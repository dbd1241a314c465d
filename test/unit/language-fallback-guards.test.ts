import { describe, expect, it } from 'vitest';
import { analyzeTemplate } from '../../renderer/features/studio/language/analyze-template';
import { buildCatalog } from '../../renderer/features/studio/language/token-catalog';
import { fieldInfo } from '../support/field-info';

/**
 * "No fallback" warnings know which branch of a condition a token sits in.
 * A token inside `{% if first_name %}` needs no fallback; the same token in
 * that if's `else`, or in the body of `{% unless first_name %}`, is exactly
 * where it is empty, yet both were treated as guarded and never flagged.
 */

const field = (key: string, filled: number) => fieldInfo(key, filled);

const catalog = buildCatalog({ fields: [field('id', 10), field('first_name', 9), field('city', 8)], computed: null, dictionary: [] });
const flagged = (source: string) =>
  analyzeTemplate(source, catalog)
    .filter((d) => d.code === 'missing-fallback')
    .map((d) => `${source.slice(0, d.start).split('{{').length - 1}:${source.slice(d.start, d.end)}`);

describe('fallback warnings follow the branch a token is in', () => {
  it('does not flag a token where its condition holds', () => {
    expect(flagged('{% if first_name %}Hi {{ first_name }}{% else %}Hi there{% endif %}')).toEqual([]);
    expect(flagged('{% if first_name != blank %}Hi {{ first_name }}{% endif %}')).toEqual([]);
    expect(flagged('{% unless first_name == blank %}Hi {{ first_name }}{% endunless %}')).toEqual([]);
    expect(flagged('{% if first_name == blank %}Hi there{% else %}Hi {{ first_name }}{% endif %}')).toEqual([]);
    expect(flagged('{% unless first_name %}Hi there{% else %}Hi {{ first_name }}{% endunless %}')).toEqual([]);
    expect(flagged('{% if city %}{% elsif first_name %}Hi {{ first_name }}{% endif %}')).toEqual([]);
  });

  it('flags a token in the branch where its condition failed', () => {
    // Counted by output: the first {{ }} is 1.
    expect(flagged('{% if first_name %}Hi{% else %}Hi {{ first_name }}{% endif %}')).toEqual(['1:first_name']);
    expect(flagged('{% unless first_name %}Hi {{ first_name }}{% endunless %}')).toEqual(['1:first_name']);
    expect(flagged('{% if first_name %}{% elsif city %}{{ first_name }} in {{ city }}{% endif %}')).toEqual(['1:first_name']);
    expect(flagged('{% if first_name == blank %}Hi {{ first_name }}{% endif %}')).toEqual(['1:first_name']);
  });
});

describe('case / when on a tier', () => {
  const scored = buildCatalog({
    fields: [field('id', 10)],
    computed: {
      scores: [
        {
          name: 'rfm_tier',
          alias: 'RfmTier',
          model: 'rfm',
          holds: 'label',
          description: 'RFM tier',
          asOf: '2026-11-01',
          shadowed: false,
          labels: ['Champions', 'At Risk'],
        },
      ],
      segments: [],
      segmentsShadowed: false,
    },
    dictionary: [],
  });

  it('flags a when label no customer holds, with the nearest one', () => {
    const source = "{% case rfm_tier %}{% when 'Champions' %}A{% when 'At risk', 'Champion' %}B{% endcase %}";
    const problems = analyzeTemplate(source, scored);
    expect(problems.map((p) => [p.code, source.slice(p.start, p.end), p.replacement])).toEqual([
      ['unknown-label', "'At risk'", "'At Risk'"],
      ['unknown-label', "'Champion'", "'Champions'"],
    ]);
  });
});
