import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../shared/contract/schemas';
import type { ComputedTokenList } from '../../shared/contract/token-schemas';
import { SCORE_NAMES, SCORES } from '../../shared/scores/score-names';
import { toPascalAlias } from '../../shared/fields/naming';
import { segmentConditionCompletion, segmentConditionSnippet, tokenCompletions } from '../../renderer/features/studio/completion-items';

const CITY: FieldInfo = {
  key: 'city',
  alias: 'City',
  label: 'City',
  kind: 'canonical',
  filled: 3,
  sample: 'Paris',
  type: 'text',
  typeWarning: null,
};

const computed = (over: Partial<ComputedTokenList> = {}): ComputedTokenList => ({
  scores: SCORE_NAMES.map((name) => ({
    name,
    alias: toPascalAlias(name),
    model: SCORES[name].model,
    holds: SCORES[name].holds,
    description: SCORES[name].description,
    asOf: SCORES[name].model === 'rfm' ? '2026-06-30' : null,
    shadowed: false,
  })),
  segments: [
    { id: 1, name: 'VIP' },
    { id: 2, name: 'Lapsed, 90 days' },
  ],
  segmentsShadowed: false,
  ...over,
});

describe('token completions', () => {
  it('offer every score with its description and whether this workspace computed it, after the fields', () => {
    const items = tokenCompletions([CITY], computed());
    const labels = items.map((item) => item.label);
    expect(labels.slice(0, 2)).toEqual(['city', 'City']);
    for (const name of SCORE_NAMES) expect(labels).toContain(name);
    expect(labels).toContain('RfmTier');
    expect(labels).toContain('customer.segments');
    const tier = items.find((item) => item.label === 'rfm_tier');
    expect(tier).toMatchObject({ kind: 'score', detail: 'Score · computed as of 2026-06-30' });
    expect(tier?.documentation).toContain('RFM tier');
    expect(items.find((item) => item.label === 'churn_probability')?.detail).toBe('Score · not computed yet in this workspace');
  });

  it('offer a score an imported field shadows as computed.<name> only', () => {
    const list = computed();
    list.scores = list.scores.map((score) => (score.name === 'cluster' ? { ...score, shadowed: true } : score));
    const labels = tokenCompletions([], list).map((item) => item.label);
    expect(labels).toContain('computed.cluster');
    expect(labels).not.toContain('cluster');
    expect(labels).not.toContain('Cluster');
  });

  it('offer only fields before the computed tokens have loaded', () => {
    expect(tokenCompletions([CITY], null).map((item) => item.label)).toEqual(['city', 'City']);
    expect(segmentConditionCompletion(null)).toBeNull();
  });
});

describe('segment condition snippet', () => {
  it("lets the author pick one of the workspace's segments", () => {
    expect(segmentConditionSnippet(computed())).toBe("{% if customer.segments contains '${1|VIP,Lapsed\\, 90 days|}' %}$0{% endif %}");
    expect(segmentConditionCompletion(computed())).toMatchObject({ snippet: true, label: 'if customer.segments contains …' });
  });

  it('falls back to a placeholder without segments, and to double quotes for a name with an apostrophe', () => {
    expect(segmentConditionSnippet(computed({ segments: [] }))).toBe("{% if customer.segments contains '${1:Segment}' %}$0{% endif %}");
    expect(segmentConditionSnippet(computed({ segments: [{ id: 1, name: "Mum's $ club" }] }))).toBe(
      '{% if customer.segments contains "${1|Mum\'s \\$ club|}" %}$0{% endif %}',
    );
    expect(segmentConditionSnippet(computed({ segmentsShadowed: true, segments: [] }))).toContain('computed.segments contains');
  });
});
