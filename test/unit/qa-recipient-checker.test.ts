import { describe, expect, it } from 'vitest';
import { mergeTallies, recipientChecker } from '../../shared/qa/recipient-checker';
import { urlProblem } from '../../shared/qa/url-check';
import { createLiquid } from '../../shared/templates/liquid-engine';

const SOURCE = [
  '<p>Hi {{ first_name | default: "there" }} {{ last_name }}</p>',
  '{% if tier == "gold" %}gold{% elsif tier == "silver" %}silver{% else %}other{% endif %}',
  '{% unless vip %}not vip{% endunless %}',
  '{% case country %}{% when "FR" %}bonjour{% when "DE" %}hallo{% endcase %}',
  '<a href="https://shop.example.com/?name={{ first_name }}">shop</a>',
  '<a href="{{ site }}/offer">offer</a>',
  '<img src="https://cdn.example.com/logo.png">',
  '{% for i in (1..n) %}{% endfor %}',
].join('\n');

function run(contexts: Record<string, Record<string, unknown>>) {
  const checker = recipientChecker(createLiquid(), { html: SOURCE, source: SOURCE });
  for (const [id, context] of Object.entries(contexts)) checker.check(id, context as never);
  return { branches: checker.branches, tally: checker.take() };
}

describe('recipientChecker', () => {
  it('counts empty and fallen-back tokens per recipient, with examples', () => {
    const { tally } = run({
      a: { first_name: 'Ann', last_name: 'Lee', site: 'https://x.example', n: 1 },
      b: { first_name: '', last_name: '', site: 'https://x.example', n: 1 },
      c: { last_name: 'Roe', site: 'https://x.example', n: 1 },
    });
    expect(tally.rendered).toBe(3);
    expect(tally.tokens.first_name).toMatchObject({ fallback: 2, fallbackExamples: ['b', 'c'], lines: [1, 5] });
    expect(tally.tokens.last_name).toMatchObject({ empty: 1, emptyExamples: ['b'] });
    // An output without default of an empty first_name (the link) counts as empty too.
    expect(tally.tokens.first_name?.empty).toBe(2);
  });

  it('records the branch each recipient takes, including branches nobody takes', () => {
    const checker = run({
      a: { tier: 'gold', vip: true, country: 'FR', site: 'https://x.example', n: 1 },
      b: { tier: 'bronze', vip: false, country: 'US', site: 'https://x.example', n: 1 },
    });
    const byCondition = checker.branches.map((b, i) => ({ ...b, taken: checker.tally.taken[i]?.taken }));
    expect(byCondition.map((b) => [b.kind, b.condition, b.implicit, b.line, b.taken])).toEqual([
      ['if', 'tier == "gold"', false, 2, 1],
      ['elsif', 'tier == "silver"', false, 2, 0],
      ['else', 'tier == "gold"', false, 2, 1],
      ['unless', 'vip', false, 3, 1],
      ['else', 'vip', true, 3, 1],
      ['when', 'country == "FR"', false, 4, 1],
      ['when', 'country == "DE"', false, 4, 0],
      ['else', 'country', true, 4, 1],
    ]);
    expect(checker.tally.taken[0]?.examples).toEqual(['a']);
  });

  it('reports render errors with customer ids, malformed URLs and sizes', () => {
    const { tally } = run({
      ok: { first_name: 'Ann', site: 'https://x.example', n: 1 },
      spaced: { first_name: 'Mary Ann', site: 'https://x.example', n: 1 },
      nosite: { first_name: 'Bo', n: 1 },
      huge: { first_name: 'Al', site: 'https://x.example', n: 1e9 },
    });
    expect(Object.values(tally.errors)).toEqual([expect.objectContaining({ count: 1, customerIds: ['huge'], line: 8 })]);
    expect(Object.values(tally.errors)[0]?.message).toContain('memory');
    expect(Object.values(tally.urls).map((u) => [u.reason, u.customerIds])).toEqual([
      ['contains whitespace', ['spaced']],
      ['not an absolute URL', ['nosite']],
    ]);
    expect(tally.largestBytes).toBeGreaterThan(100);
    expect(['ok', 'spaced', 'nosite']).toContain(tally.largestCustomerId);
    expect(tally.overGmailClip).toBe(0);
  });

  it('merges tallies of batches', () => {
    const one = run({ a: { tier: 'gold', site: 'https://x.example', n: 1 } }).tally;
    const two = run({ b: { tier: 'silver', site: 'https://x.example', n: 1 } }).tally;
    const merged = mergeTallies(one, two);
    expect(merged.rendered).toBe(2);
    expect(merged.taken.slice(0, 3).map((t) => t.taken)).toEqual([1, 1, 0]);
    expect(merged.tokens.first_name?.fallback).toBe(2);
  });
});

describe('urlProblem', () => {
  it.each([
    ['https://shop.example.com/?a=1', null],
    ['mailto:someone@example.com', null],
    ['#top', null],
    ['', 'empty after rendering'],
    ['/offer', 'not an absolute URL'],
    ['https:///offer', 'no host'],
    ['https://shop.example.com/?n=Mary Ann', 'contains whitespace'],
    ['javascript:alert(1)', 'unexpected scheme javascript:'],
  ])('%s → %s', (url, problem) => expect(urlProblem(url)).toBe(problem));
});
