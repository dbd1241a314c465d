import { describe, expect, it } from 'vitest';
import { pairQuality } from '../../shared/dedup/evaluate';
import { candidatePairs } from '../../shared/dedup/blocking';
import { findDuplicates } from '../../shared/dedup/find-duplicates';
import { normaliseProfile } from '../../shared/dedup/normalise';
import { MIN_EVEN_ODDS_BITS, scorePair, scorePairAbove } from '../../shared/dedup/score';
import { loadFebrl } from '../bench/dedup-febrl';

/**
 * The judgement at default settings, on the FEBRL sets with their true
 * entities (test/fixtures/datasets/febrl). Pairwise quality of the final clusters,
 * so a wrong link that joins two entities costs every pair it creates.
 */
describe('dedup quality on FEBRL', () => {
  it.each([
    ['dataset1.csv', 0.99],
    ['dataset2.csv', 0.98],
  ])('%s: F1 ≥ %s and precision ≥ 0.98', (file, minF1) => {
    const { profiles, entities } = loadFebrl(file);
    const result = findDuplicates(profiles);
    const quality = pairQuality(
      result.clusters.map((c) => c.ids),
      entities,
    );
    expect(quality.precision).toBeGreaterThanOrEqual(0.98);
    expect(quality.f1).toBeGreaterThanOrEqual(minF1);
  });

  it('skips the address only for pairs the full score would reject too', () => {
    const profiles = loadFebrl('dataset1.csv').profiles.map((p) => normaliseProfile(p));
    let kept = 0;
    for (let minWeight = -20; minWeight <= 40; minWeight += 4) {
      for (const [i, j] of candidatePairs(profiles)) {
        const full = scorePair(profiles[i]!, profiles[j]!);
        const early = scorePairAbove(profiles[i]!, profiles[j]!, MIN_EVEN_ODDS_BITS, minWeight);
        if (full.weight >= minWeight) {
          expect(early?.weight).toBeCloseTo(full.weight, 9);
          kept++;
        } else {
          expect(early).toBeUndefined();
        }
      }
    }
    expect(kept).toBeGreaterThan(1000);
  });

  it('counts pairwise precision and recall over clusters', () => {
    const q = pairQuality(
      [['a', 'b', 'c']],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    );
    expect(q).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    expect(q.precision).toBeCloseTo(1 / 3);
    expect(q.recall).toBeCloseTo(1 / 2);
  });
});
