import { describe, expect, it } from 'vitest';
import { compareValues } from '../../shared/dedup/compare';
import { clusterPairs } from '../../shared/dedup/cluster';
import { explainPair } from '../../shared/dedup/explain';
import { DEFAULT_THRESHOLD, findDuplicates } from '../../shared/dedup/find-duplicates';
import { normaliseProfile } from '../../shared/dedup/normalise';
import type { DedupProfile } from '../../shared/dedup/profile';
import { evenOddsBits, MIN_EVEN_ODDS_BITS, scorePair, scorePairAbove } from '../../shared/dedup/score';

const ana: DedupProfile = {
  id: 'C1',
  firstName: 'Ana',
  lastName: 'Lopez',
  birthDate: '1990-03-05',
  postcode: '28001',
  streetNumber: '12',
  addressLines: ['Calle Mayor'],
  city: 'Madrid',
};

/** Scored as in a set of `setSize` profiles. */
function score(a: DedupProfile, b: DedupProfile, setSize = 1000) {
  return scorePair(normaliseProfile(a), normaliseProfile(b), evenOddsBits(setSize));
}

describe('dedup field comparison', () => {
  it('says equal, similar (with its similarity), different or missing', () => {
    expect(compareValues('lastName', 'lopez', 'lopez')).toEqual({ field: 'lastName', outcome: 'equal', similarity: 1 });
    const similar = compareValues('lastName', 'lopez', 'lopes');
    expect(similar.outcome).toBe('similar');
    expect(similar.similarity).toBeGreaterThan(0.9);
    expect(compareValues('lastName', 'lopez', 'garcia').outcome).toBe('different');
    expect(compareValues('lastName', 'lopez', '').outcome).toBe('missing');
    expect(compareValues('birthDate', '19900305', '19900503').outcome).toBe('similar');
  });
});

describe('dedup pair scoring', () => {
  it('scores in [0, 1], a corrupted copy above the default threshold and a namesake with another life below it', () => {
    const typo = score(ana, { ...ana, id: 'C2', lastName: 'Lopes', postcode: '28010' });
    expect(typo.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(typo.score).toBeLessThanOrEqual(1);
    const namesake = score(ana, {
      id: 'C3',
      firstName: 'Ana',
      lastName: 'Lopez',
      birthDate: '1971-11-30',
      postcode: '08002',
      city: 'Barcelona',
    });
    expect(namesake.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(namesake.score).toBeGreaterThanOrEqual(0);
  });

  it('explains what agreed and what did not, strongest agreement first', () => {
    const pair = score(ana, { ...ana, id: 'C2', lastName: 'Lopes', postcode: '46001', city: undefined });
    const text = explainPair(pair);
    expect(text).toMatch(/^date of birth equal, /);
    expect(text).toMatch(/surname similar 0\.9\d/);
    expect(text).toContain('postcode different');
    expect(text).not.toContain('city');
    expect(pair.fields.find((f) => f.field === 'city')).toMatchObject({ outcome: 'missing', weight: 0 });
  });

  it('does not merge a household: same surname and address, another first name and birth date', () => {
    const partner = score(ana, { ...ana, id: 'C2', firstName: 'Carlos', birthDate: '1988-07-21' });
    expect(partner.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(explainPair(partner)).toMatch(/first name different.*date of birth different|date of birth different.*first name different/);
    // The same home plus the same name and birth date is the same person.
    expect(score(ana, { ...ana, id: 'C3', city: 'MADRID' }).score).toBeGreaterThan(0.99);
  });

  it('compares the address whenever it could lift a pair over the bar, and skips it otherwise', () => {
    const a = normaliseProfile({ id: 'a', firstName: 'Ana', lastName: 'Lopez', addressLines: ['12 Calle Mayor', 'Piso 3'] });
    const b = normaliseProfile({ id: 'b', firstName: 'Ana', lastName: 'Lopez', addressLines: ['Piso 3', '12 calle mayor'] });
    const full = scorePair(a, b);
    expect(full.fields.find((f) => f.field === 'address')).toMatchObject({ outcome: 'equal' });
    expect(scorePairAbove(a, b, MIN_EVEN_ODDS_BITS, full.weight - 0.01)?.weight).toBeCloseTo(full.weight, 9);
    expect(scorePairAbove(a, b, MIN_EVEN_ODDS_BITS, full.weight + 0.01)).toBeUndefined();
    const elsewhere = normaliseProfile({ id: 'c', firstName: 'Ana', lastName: 'Lopez', addressLines: ['Rue de Rivoli 1'] });
    expect(scorePairAbove(a, elsewhere, MIN_EVEN_ODDS_BITS, full.weight - 0.01)).toBeUndefined();
  });

  it('recognises swapped first and last names', () => {
    const pair = score(ana, { ...ana, id: 'C2', firstName: 'Lopez', lastName: 'Ana' });
    expect(pair.namesSwapped).toBe(true);
    expect(explainPair(pair)).toMatch(/^first name and surname swapped, /);
    expect(pair.score).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('treats an exact email, phone or identifier as strong evidence', () => {
    const a: DedupProfile = { id: 'a', firstName: 'Ana', lastName: 'Lopez', email: 'ana@example.com' };
    expect(score(a, { id: 'b', firstName: 'Ana', lastName: 'López', email: 'ANA@example.com' }).score).toBeGreaterThan(0.99);
    const phoned = { id: 'p', firstName: 'Ana', lastName: 'Lopez', phone: '+34 612 345 678' };
    expect(score(phoned, { id: 'q', firstName: 'Anna', lastName: 'Lopez', phone: '612345678' }).score).toBeGreaterThan(0.99);
    expect(
      score({ id: 'i', lastName: 'Lopez', identifier: 'X-123 456' }, { id: 'j', lastName: 'Lopes', identifier: 'x123456' }).score,
    ).toBeGreaterThan(0.99);
  });

  it('asks for more evidence in a larger set: a shared name is enough among a thousand, not among a million', () => {
    const a: DedupProfile = { id: 'a', firstName: 'Ana', lastName: 'Lopez', email: 'ana@example.com' };
    const b: DedupProfile = { id: 'b', firstName: 'Ana', lastName: 'Lopez', email: 'other@example.com' };
    expect(score(a, b, 1000).score).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(score(a, b, 1_000_000).score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(evenOddsBits(1_000_000)).toBeCloseTo(19.93, 2);
    expect(evenOddsBits(10)).toBe(12);
  });
});

describe('dedup clustering', () => {
  it('links pairs transitively with union-find', () => {
    expect(
      clusterPairs(6, [
        [0, 1],
        [1, 2],
        [4, 5],
      ]),
    ).toEqual([
      [0, 1, 2],
      [4, 5],
    ]);
    expect(clusterPairs(3, [])).toEqual([]);
  });

  it('groups duplicates into clusters of ids with their scored, explained pairs; a threshold of 1 merges nothing fuzzy', () => {
    const profiles: DedupProfile[] = [
      ana,
      { ...ana, id: 'C2', lastName: 'Lopes' },
      { ...ana, id: 'C3', firstName: 'Anna', streetNumber: '' },
      { id: 'C4', firstName: 'Bo', lastName: 'Svensson', birthDate: '1985-01-01', postcode: '11122', city: 'Stockholm' },
    ];
    const result = findDuplicates(profiles);
    expect(result.clusters.map((c) => c.ids)).toEqual([['C1', 'C2', 'C3']]);
    const [cluster] = result.clusters;
    expect(cluster!.pairs.length).toBeGreaterThanOrEqual(2);
    for (const pair of cluster!.pairs) {
      expect(pair.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(pair.explanation).toContain('date of birth equal');
    }
    expect(result.compared).toBeGreaterThanOrEqual(3);
    expect(findDuplicates(profiles, { threshold: 1 }).clusters).toEqual([]);
  });
});
