import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../shared/scores/bgnbd/fit';
import { conditionalExpectedPurchases, expectedPurchasesUpTo, type Rfm } from '../../shared/scores/bgnbd/model';
import { dayNumber, summariseDays } from '../../shared/scores/bgnbd/summary';

/**
 * The judged check: on Hardie's CDNOW summary the maximum-likelihood fit
 * recovers the published BG/NBD parameters (Fader, Hardie & Lee 2005) within 1%.
 */

const FIXTURES = path.join(__dirname, '../fixtures/cdnow');
interface Reference {
  bg_nbd_fit_on_cdnow_customers_summary: {
    params: { r: number; alpha: number; a: number; b: number };
    conditional_expected_purchases: { t: number; x: number; t_x: number; T: number; expected: number; tolerance: number };
    expected_purchases_up_to_time: { t: number[]; expected: number[] };
  };
}
const reference = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'reference_outputs.json'), 'utf8')) as Reference)
  .bg_nbd_fit_on_cdnow_customers_summary;

function readSummary(): Map<string, Rfm> {
  const lines = fs.readFileSync(path.join(FIXTURES, 'cdnow_customers_summary.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(
    lines.map((line) => {
      const [id, x, tx, T] = line.split(',');
      return [id!, { x: Number(x), tx: Number(tx), T: Number(T) }];
    }),
  );
}

describe('BG/NBD on CDNOW', () => {
  it('recovers the published r, α, a, b within 1%, fast', async () => {
    const started = performance.now();
    const fit = await fitBgNbd([...readSummary().values()]);
    expect(performance.now() - started).toBeLessThan(5000);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const expected = reference.params[name];
      expect(Math.abs(fit.params[name] - expected) / expected, name).toBeLessThan(0.01);
    }
    // The paper's maximised log-likelihood is −9582.4.
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(fit).toMatchObject({ customers: 2357, repeatCustomers: 946 });
  });

  it('predicts the published expected purchases with the fitted parameters', async () => {
    const { params } = await fitBgNbd([...readSummary().values()]);
    const conditional = reference.conditional_expected_purchases;
    expect(
      Math.abs(
        conditionalExpectedPurchases(params, conditional.t, { x: conditional.x, tx: conditional.t_x, T: conditional.T }) -
          conditional.expected,
      ),
    ).toBeLessThan(conditional.tolerance);
    const upTo = reference.expected_purchases_up_to_time;
    upTo.t.forEach((t, i) => expect(Math.abs(expectedPurchasesUpTo(params, t) - upTo.expected[i]!), `t = ${t}`).toBeLessThan(1.5e-3));
  });

  it('fits a big base on a seeded sample of it, the same sample every time', async () => {
    const all = [...readSummary().values()];
    const first = await fitBgNbd(all, { maxCustomers: 1500 });
    expect(first.customers).toBe(1500);
    expect((await fitBgNbd(all, { maxCustomers: 1500 })).params).toEqual(first.params);
    // A sample of two thirds still lands near the full fit.
    expect(Math.abs(first.params.r - reference.params.r) / reference.params.r).toBeLessThan(0.25);
  });

  it('rebuilds the summary from the raw transactions: one purchase per day, weeks, calibration to 1997-09-30', () => {
    const days = new Map<string, number[]>();
    for (const line of fs.readFileSync(path.join(FIXTURES, 'CDNOW_sample.txt'), 'utf8').split(/\r?\n/)) {
      const [, sampleId, date] = line.trim().split(/\s+/);
      if (!sampleId || !date) continue;
      const day = dayNumber(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`);
      days.set(String(Number(sampleId)), [...(days.get(String(Number(sampleId))) ?? []), day]);
    }
    const asOf = dayNumber('1997-09-30');
    const expected = readSummary();
    expect(days.size).toBe(expected.size);
    const round = (value: number) => Math.round(value * 100) / 100;
    for (const [id, want] of expected) {
      const got = summariseDays(id, days.get(id) ?? [], asOf, 7);
      expect(got && { x: got.x, tx: round(got.tx), T: round(got.T) }, id).toEqual(want);
    }
  });
});
