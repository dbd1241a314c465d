import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs } from '../../shared/dedup/blocking';
import { normaliseProfile } from '../../shared/dedup/normalise';
import type { DedupProfile } from '../../shared/dedup/profile';

const base: DedupProfile = {
  id: 'org',
  firstName: 'kirra',
  lastName: 'menzies',
  streetNumber: '21',
  addressLines: ['woralul street', 'flt 68'],
  city: 'orford',
  postcode: '2615',
  state: 'nsw',
  birthDate: '19940915',
  identifier: '9654146',
};

function shareABlock(a: DedupProfile, b: DedupProfile): boolean {
  const keysB = new Set(blockingKeys(normaliseProfile(b)));
  return blockingKeys(normaliseProfile(a)).some((k) => keysB.has(k));
}

function isCandidate(a: DedupProfile, b: DedupProfile, others: DedupProfile[] = []): boolean {
  const profiles = [a, b, ...others].map((p) => normaliseProfile(p));
  return [...candidatePairs(profiles)].some(([i, j]) => i === 0 && j === 1);
}

describe('dedup blocking', () => {
  it('puts a true pair in a shared block whichever single field is corrupted', () => {
    const corruptions: Partial<DedupProfile>[] = [
      { lastName: 'menzeis' },
      { lastName: 'mensies' },
      { firstName: 'kira' },
      { firstName: 'menzies', lastName: 'kirra' },
      { birthDate: '19940951' },
      { postcode: '2651', streetNumber: '12' },
      { identifier: '9654164' },
      { firstName: '', lastName: '' },
    ];
    for (const corruption of corruptions) {
      expect(shareABlock(base, { ...base, ...corruption, id: 'dup' }), JSON.stringify(corruption)).toBe(true);
    }
  });

  it.each<[string, DedupProfile, DedupProfile]>([
    [
      'surname sound + first initial',
      { id: 'a', firstName: 'kirra', lastName: 'menzies' },
      { id: 'b', firstName: 'kate', lastName: 'mensies' },
    ],
    [
      'first name sound + surname initial',
      { id: 'a', firstName: 'kirra', lastName: 'menzies' },
      { id: 'b', firstName: 'kira', lastName: 'mxyz' },
    ],
    ['names swapped', { id: 'a', firstName: 'kirra', lastName: 'menzies' }, { id: 'b', firstName: 'menzies', lastName: 'kirra' }],
    ['birth date', { id: 'a', birthDate: '1994-09-15' }, { id: 'b', birthDate: '19940915' }],
    ['postcode + street number', { id: 'a', postcode: '2615', streetNumber: '21' }, { id: 'b', postcode: '2615', streetNumber: '21' }],
    ['postcode + surname initial', { id: 'a', postcode: '2615', lastName: 'menzies' }, { id: 'b', postcode: '2615', lastName: 'mxyz' }],
    ['identifier', { id: 'a', identifier: '9654146' }, { id: 'b', identifier: '9654146' }],
  ])('blocks on %s alone', (_key, a, b) => {
    expect(shareABlock(a, b)).toBe(true);
  });

  it('blocks on exact email and phone even when nothing else is known', () => {
    expect(shareABlock({ id: 'a', email: 'Ana@Example.com' }, { id: 'b', email: 'ana@example.com ' })).toBe(true);
    expect(shareABlock({ id: 'a', phone: '+61 2 9876 5432' }, { id: 'b', phone: '02 9876 5432' })).toBe(true);
    expect(shareABlock({ id: 'a', email: 'a@example.com' }, { id: 'b', email: 'b@example.com' })).toBe(false);
  });

  it('does not pair unrelated profiles', () => {
    const other: DedupProfile = {
      id: 'x',
      firstName: 'liam',
      lastName: 'wilde',
      birthDate: '19570628',
      postcode: '2621',
      identifier: '7989054',
    };
    expect(shareABlock(base, other)).toBe(false);
    expect(isCandidate(base, other)).toBe(true); // two profiles: every pair is a sorted-neighbourhood neighbour
  });

  it('keeps an oversized block linear but still pairs neighbours inside it', () => {
    // 500 people born on one day: too many to pair all-to-all. A nameless profile born that
    // day shares no other key with them, and ten nameless decoys born later sit between it
    // and them in the global name order, so only windowing inside the block pairs it.
    const crowd: DedupProfile[] = Array.from({ length: 500 }, (_, i) => ({
      id: `c${i}`,
      firstName: 'kirra',
      lastName: `menzies${i}`,
      birthDate: '19900101',
    }));
    const decoys: DedupProfile[] = Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, birthDate: `199501${10 + i}` }));
    const profiles = [...crowd, ...decoys, { id: 'nameless', birthDate: '1990-01-01' }].map((p) => normaliseProfile(p));
    const pairs = [...candidatePairs(profiles, { maxBlockSize: 64, window: 6 })];
    expect(pairs.length).toBeLessThan(500 * 12);
    expect(pairs.some(([i, j]) => i < 500 && j === 510)).toBe(true);
  });

  it('produces each candidate pair once, lower index first', () => {
    const profiles = Array.from({ length: 200 }, (_, i) =>
      normaliseProfile({
        id: `p${i}`,
        firstName: ['kirra', 'kira', 'liam'][i % 3],
        lastName: 'menzies',
        birthDate: `1990010${i % 4}`,
        postcode: '2615',
      }),
    );
    const pairs = [...candidatePairs(profiles, { maxBlockSize: 16, window: 4 })];
    expect(pairs.every(([i, j]) => i < j)).toBe(true);
    expect(new Set(pairs.map(([i, j]) => `${i}-${j}`)).size).toBe(pairs.length);
  });
});
