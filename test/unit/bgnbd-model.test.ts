import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../shared/scores/bgnbd/fit';
import { hyp2f1 } from '../../shared/scores/bgnbd/hypergeometric';
import { customerLogLikelihood, logLikelihood, probabilityAlive, type BgNbdParams } from '../../shared/scores/bgnbd/model';
import { dayNumber, summariseDays } from '../../shared/scores/bgnbd/summary';

const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD likelihood', () => {
  it('matches the paper’s formula computed by hand', () => {
    // x = 0: L = (α/(α+T))^r = (1/2)^1 with r = α = a = b = 1, T = 1.
    expect(customerLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, { x: 0, tx: 0, T: 1 })).toBeCloseTo(Math.log(0.5), 12);
    // x = 1, t_x = 1, T = 2, r = α = a = 1, b = 2:
    // B(1,3)/B(1,2) · Γ(2)/(3²) + B(2,2)/B(1,2) · Γ(2)/(2²) = 2/27 + 1/12 = 17/108.
    expect(customerLogLikelihood({ r: 1, alpha: 1, a: 1, b: 2 }, { x: 1, tx: 1, T: 2 })).toBeCloseTo(Math.log(17 / 108), 12);
  });

  it('sums the per-customer terms (the sample form shares its gamma terms per x)', () => {
    const rows = [
      { x: 0, tx: 0, T: 30 },
      { x: 2, tx: 12.5, T: 38 },
      { x: 2, tx: 30, T: 31 },
      { x: 7, tx: 20, T: 25 },
    ];
    const direct = rows.reduce((sum, row) => sum + customerLogLikelihood(CDNOW, row), 0);
    expect(logLikelihood(CDNOW, rows)).toBeCloseTo(direct, 10);
  });

  it('weights a repeated row like the same customer listed twice', () => {
    const row = { x: 3, tx: 20, T: 30 };
    const other = { x: 0, tx: 0, T: 12 };
    expect(logLikelihood(CDNOW, [row, other], [2, 1])).toBeCloseTo(logLikelihood(CDNOW, [row, row, other]), 10);
  });
});

describe('P(alive)', () => {
  it('is 1 for a customer who never bought again', () => {
    expect(probabilityAlive(CDNOW, { x: 0, tx: 0, T: 38 })).toBe(1);
  });

  it('falls the longer a frequent buyer has been silent, and stays in (0, 1)', () => {
    const recent = probabilityAlive(CDNOW, { x: 10, tx: 37, T: 38 });
    const silent = probabilityAlive(CDNOW, { x: 10, tx: 5, T: 38 });
    expect(recent).toBeGreaterThan(0.9);
    expect(silent).toBeLessThan(0.1);
    expect(silent).toBeGreaterThan(0);
    // Huge x must not overflow into NaN.
    expect(probabilityAlive(CDNOW, { x: 5000, tx: 1, T: 500 })).toBeGreaterThanOrEqual(0);
    expect(probabilityAlive(CDNOW, { x: 5000, tx: 500, T: 500 })).toBeCloseTo(1 / (1 + CDNOW.a / (CDNOW.b + 4999)), 12);
  });

  it('for a customer who bought again just now leaves only the drop-out odds a / (b + x − 1)', () => {
    const p = probabilityAlive(CDNOW, { x: 1, tx: 10, T: 10 });
    expect(p).toBeCloseTo(1 / (1 + CDNOW.a / CDNOW.b), 12);
  });
});

describe('hypergeometric ₂F₁', () => {
  it('matches closed forms', () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 12);
    // ₂F₁(a, b; b; z) = (1 − z)^−a
    expect(hyp2f1(2.5, 3, 3, 0.9)).toBeCloseTo(Math.pow(0.1, -2.5), 6);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});

describe('summary', () => {
  it('counts purchase days, not orders, and ignores purchases after the as-of date', () => {
    const days = ['2026-01-01', '2026-01-01', '2026-01-11', '2026-02-01', '2026-03-01'].map(dayNumber);
    expect(summariseDays('c', days, dayNumber('2026-02-15'))).toEqual({ customerId: 'c', x: 2, tx: 31, T: 45 });
    expect(summariseDays('c', days, dayNumber('2025-12-31'))).toBeNull();
  });
});

describe('fit', () => {
  it('refuses an empty sample', async () => {
    await expect(fitBgNbd([])).rejects.toThrow(RangeError);
  });
});
