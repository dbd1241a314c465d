import { describe, expect, it } from 'vitest';
import { featureVector, type CustomerActivity } from '../../shared/scores/propensity/features';
import { fitLogistic, predictProbability } from '../../shared/scores/propensity/logistic';
import { calibrationBins, rocAuc } from '../../shared/scores/propensity/metrics';
import { seededRandom, splitIndices } from '../../shared/scores/propensity/split';
import { NotEnoughData } from '../../shared/scores/not-enough-data';
import { trainPropensity, type PropensitySample } from '../../shared/scores/propensity/train';

describe('rank-based AUC', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 when every score ties', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('counts a tie between a positive and a negative as half, and pairs by hand', () => {
    // Positives 0.4, 0.7; negatives 0.1, 0.4, 0.8. Pairs: (0.4 vs 0.1) 1, (0.4 vs 0.4) ½, (0.4 vs 0.8) 0,
    // (0.7 vs 0.1) 1, (0.7 vs 0.4) 1, (0.7 vs 0.8) 0 → 3.5 / 6.
    expect(rocAuc([0.1, 0.4, 0.4, 0.7, 0.8], [0, 0, 1, 1, 0])).toBeCloseTo(3.5 / 6, 12);
  });

  it('is null with a single class', () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNull();
  });
});

describe('calibration', () => {
  it('cuts customers into equal groups by prediction and compares the mean prediction with the observed rate', () => {
    const scores = Array.from({ length: 20 }, (_, i) => i / 20);
    const labels = scores.map((score) => (score >= 0.5 ? 1 : 0));
    const bins = calibrationBins(scores, labels, 4);
    expect(bins.map((bin) => bin.count)).toEqual([5, 5, 5, 5]);
    expect(bins.map((bin) => bin.observed)).toEqual([0, 0, 1, 1]);
    expect(bins[0]!.predicted).toBeCloseTo(0.1, 12);
  });
});

describe('logistic regression (IRLS)', () => {
  it('recovers the weights that generated the labels', () => {
    const random = seededRandom(7);
    const rows: number[][] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = [random() * 4 - 2, random() * 4 - 2];
      rows.push(row);
      labels.push(random() < 1 / (1 + Math.exp(-(-0.5 + 2 * row[0]! - 1 * row[1]!))) ? 1 : 0);
    }
    const model = fitLogistic(rows, labels, { ridge: 0 });
    expect(model.converged).toBe(true);
    expect(model.weights[0]).toBeCloseTo(-0.5, 1);
    expect(model.weights[1]).toBeCloseTo(2, 1);
    expect(model.weights[2]).toBeCloseTo(-1, 1);
    expect(predictProbability(model, [0, 0])).toBeCloseTo(1 / (1 + Math.exp(0.5)), 1);
  });

  it('stays finite on perfectly separable data (the ridge keeps the weights bounded)', () => {
    const model = fitLogistic([[-2], [-1], [1], [2]], [0, 0, 1, 1]);
    expect(model.weights.every(Number.isFinite)).toBe(true);
    expect(predictProbability(model, [2])).toBeGreaterThan(0.9);
  });
});

describe('seeded split', () => {
  it('is the same for the same seed, different for another, and covers every index once', () => {
    const a = splitIndices(100, 0.3, 1);
    expect(splitIndices(100, 0.3, 1)).toEqual(a);
    expect(splitIndices(100, 0.3, 2)).not.toEqual(a);
    expect(a.holdout).toHaveLength(30);
    expect([...a.train, ...a.holdout].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

/** Customers whose purchase rate is a hidden trait: past frequency and recency reveal it, as in real shops. */
function syntheticCustomers(count: number, seed: number): PropensitySample[] {
  const random = seededRandom(seed);
  const cutoff = 1000;
  const samples: PropensitySample[] = [];
  for (let c = 0; c < count; c++) {
    const rate = random() < 0.5 ? 0.002 : 0.03; // purchases per day
    const days: number[] = [];
    for (let day = 0; day < cutoff + 90; day++) if (random() < rate) days.push(day);
    const before = days.filter((day) => day <= cutoff);
    const activity: CustomerActivity = {
      customerId: `c${c}`,
      orders: before.length,
      spend: before.length * 40,
      firstOrderDay: before[0] ?? null,
      lastOrderDay: before.at(-1) ?? null,
      ordersInWindow: before.filter((day) => day > cutoff - 90).length,
      events: 0,
      eventsInWindow: 0,
      firstEventDay: null,
      lastEventDay: null,
    };
    samples.push({ features: featureVector(activity, cutoff, 3650), label: days.some((day) => day > cutoff) ? 1 : 0 });
  }
  return samples;
}

describe('purchase propensity', () => {
  it('ranks future buyers high on a synthetic shop (holdout AUC > 0.8), calibrated within a few points', () => {
    const { model, evaluation } = trainPropensity(syntheticCustomers(2000, 11), { seed: 3 });
    expect(evaluation.auc).toBeGreaterThan(0.8);
    expect(evaluation.holdoutSize).toBe(600);
    expect(evaluation.calibration).toHaveLength(10);
    // Expected calibration error: the count-weighted gap between predicted and observed rates.
    const gap =
      evaluation.calibration.reduce((sum, bin) => sum + bin.count * Math.abs(bin.predicted - bin.observed), 0) / evaluation.holdoutSize;
    expect(gap).toBeLessThan(0.06);
    expect(model.weights).toHaveLength(9);
  });

  it('refuses too few customers or a window with no buyer, saying what it needs', () => {
    expect(() => trainPropensity(syntheticCustomers(10, 1))).toThrow(NotEnoughData);
    const nobody = syntheticCustomers(200, 2).map((sample) => ({ ...sample, label: 0 as const }));
    expect(() => trainPropensity(nobody)).toThrow(/bought in the window/);
  });
});
