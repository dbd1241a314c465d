import { describe, expect, it } from 'vitest';
import { busyDays } from '../../shared/audit/busy-days';
import { ageOn, impossibleBirthDate, isFutureDate, isFutureInstant } from '../../shared/audit/dates';
import { DEFAULT_LIMITS, FieldProfiler, type FieldSpec } from '../../shared/audit/field-profiler';
import { Histogram } from '../../shared/audit/histogram';
import { outlierFences, outlierSide, robustZ } from '../../shared/audit/outliers';
import { Reservoir } from '../../shared/audit/reservoir';
import { ValueCounter } from '../../shared/audit/value-counter';
import { DEFAULT_CONTEXT } from '../../shared/fields/types';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const day = (offset: number): string => new Date(Date.parse('2026-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);

describe('outlier fences', () => {
  it('flags a value far from the median by the robust z-score, which the outlier itself cannot drag', () => {
    const values = [10, 11, 12, 12, 13, 13, 14, 15, 16, 500];
    const fences = outlierFences(values, { method: 'robust-z', log: false });
    expect(fences).toMatchObject({ method: 'robust-z', median: 13, mad: 1.5 });
    // 3.5 × 1.5 / 0.6745 ≈ 7.78 around the median.
    expect(fences?.high).toBeCloseTo(20.78, 2);
    expect(fences?.low).toBeCloseTo(5.22, 2);
    expect(values.filter((v) => fences && outlierSide(v, fences) === 'high')).toEqual([500]);
    expect(fences && robustZ(500, fences)).toBeCloseTo((0.6745 * 487) / 1.5, 6);
  });

  it('measures amounts on a log scale: the long tail of big orders stays, one of 99,999 among orders near 100 is an outlier', () => {
    const orders = Array.from({ length: 400 }, (_, i) => 20 + ((i * 37) % 200)).concat([650, 800, 99_999]);
    const fences = outlierFences(orders, { method: 'robust-z', log: true });
    expect(fences?.log).toBe(true);
    expect(orders.filter((v) => fences && outlierSide(v, fences) !== null)).toEqual([99_999]);
    // On the plain scale the same tail would be flagged too.
    const plain = outlierFences(orders, { method: 'robust-z', log: false });
    expect(orders.filter((v) => plain && outlierSide(v, plain) !== null)).toContain(800);
  });

  it('falls back to the interquartile range when most values are equal (MAD 0), and flags nothing in a constant field', () => {
    const mostlyOnes = [...new Array<number>(60).fill(1), ...new Array<number>(30).fill(2), 3, 40];
    const fences = outlierFences(mostlyOnes, { method: 'robust-z', log: false });
    expect(fences?.method).toBe('iqr');
    expect(mostlyOnes.filter((v) => fences && outlierSide(v, fences) !== null)).toEqual([40]);
    const constant = outlierFences([5, 5, 5, 5, 5], { method: 'robust-z', log: false });
    expect(constant?.method).toBe('none');
    expect(constant && outlierSide(5000, constant)).toBeNull();
    expect(outlierFences([], { method: 'iqr', log: false })).toBeNull();
  });
});

describe('busy days', () => {
  it('finds the day with 400 orders among days of about 20', () => {
    const perDay = new Map<string, number>();
    for (let i = 0; i < 120; i++) perDay.set(day(i), 15 + ((i * 7) % 11));
    perDay.set(day(60), 400);
    const busy = busyDays(perDay);
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ day: day(60), count: 400 });
    expect(busy[0]?.usual).toBeGreaterThanOrEqual(15);
    expect(busy[0]?.usual).toBeLessThanOrEqual(25);
  });

  it('does not call a growing shop busy, nor a quiet one whose usual day is 1', () => {
    const growing = new Map<string, number>();
    for (let i = 0; i < 300; i++) growing.set(day(i), 5 + Math.floor(i / 4));
    expect(busyDays(growing)).toEqual([]);
    const quiet = new Map<string, number>();
    for (let i = 0; i < 100; i += 2) quiet.set(day(i), 1);
    quiet.set(day(50), 6);
    expect(busyDays(quiet)).toEqual([]);
  });

  it('counts empty days as usual days, so a burst in a sparse history still stands out', () => {
    const sparse = new Map([
      [day(0), 2],
      [day(30), 3],
      [day(31), 80],
      [day(90), 2],
    ]);
    expect(busyDays(sparse).map((d) => d.day)).toEqual([day(31)]);
    expect(busyDays(new Map([[day(0), 500]]))).toEqual([]);
  });
});

describe('dates', () => {
  it('knows future dates and instants, with a day of slack for time zones', () => {
    expect(isFutureDate('2026-12-02', '2026-12-01')).toBe(true);
    expect(isFutureDate('2026-12-01', '2026-12-01')).toBe(false);
    expect(isFutureInstant(NOW + 3_600_000, NOW)).toBe(false);
    expect(isFutureInstant(NOW + 2 * 86_400_000, NOW)).toBe(true);
  });

  it('gives ages on a day, and calls a birth date impossible in the future or beyond 120 years', () => {
    expect(ageOn('1990-12-02', '2026-12-01')).toBe(35);
    expect(ageOn('1990-12-01', '2026-12-01')).toBe(36);
    expect(impossibleBirthDate('2030-01-01', '2026-12-01')).toBe('in the future');
    expect(impossibleBirthDate('1890-05-05', '2026-12-01')).toBe('age 136');
    expect(impossibleBirthDate('1950-05-05', '2026-12-01')).toBeNull();
  });
});

describe('histogram bins', () => {
  it('spreads values over equal-width bins, the last including its upper edge, outliers counted apart', () => {
    const histogram = new Histogram('number', 0, 100, 16, false);
    for (const value of [0, 10, 20, 50, 99.9, 100, -5, 1000]) histogram.add(value);
    const result = histogram.result();
    expect(result.below).toBe(1);
    expect(result.above).toBe(1);
    expect(result.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(6);
    expect(result.bins[0]?.from).toBe(0);
    expect(result.bins[result.bins.length - 1]?.to).toBe(100);
    expect(result.bins[result.bins.length - 1]?.count).toBe(2);
    // Sturges: ⌈log2 16⌉ + 1 = 5 bins of 20.
    expect(result.bins.map((bin) => bin.to - bin.from)).toEqual([20, 20, 20, 20, 20]);
  });

  it('gives whole numbers over a short range one bin each', () => {
    const histogram = new Histogram('number', 1, 4, 9, true);
    for (const value of [1, 1, 2, 2, 2, 3, 4, 4, 4]) histogram.add(value);
    expect(histogram.result().bins).toEqual([
      { from: 1, to: 2, count: 2 },
      { from: 2, to: 3, count: 3 },
      { from: 3, to: 4, count: 1 },
      { from: 4, to: 5, count: 3 },
    ]);
  });

  it('trims the empty ends when the fences reach past the data', () => {
    const histogram = new Histogram('number', 0, 1000, 1000, false);
    for (let i = 0; i < 1000; i++) histogram.add(100 + (i % 100));
    const { bins } = histogram.result();
    expect(bins[0]?.from).toBeGreaterThanOrEqual(90);
    expect(bins[bins.length - 1]?.to).toBeLessThanOrEqual(210);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(1000);
  });

  it('draws a single value as one bin', () => {
    const histogram = new Histogram('number', 7, 7, 3, true);
    for (const value of [7, 7, 7]) histogram.add(value);
    expect(histogram.result().bins).toEqual([{ from: 7, to: 7, count: 3 }]);
  });
});

describe('bounded counters', () => {
  it('counts distinct values exactly up to the cap, then keeps the heavy hitters and says the count is a lower bound', () => {
    const counter = new ValueCounter(100);
    for (let i = 0; i < 5000; i++) counter.add(i % 3 === 0 ? 'frequent' : `unique-${i}`);
    expect(counter.exact).toBe(false);
    expect(counter.distinct).toBe(100);
    expect(counter.top(1)[0]?.value).toBe('frequent');
    // A value that only starts after the cap is full is still found (Space-Saving), not ignored.
    const late = new ValueCounter(100);
    for (let i = 0; i < 300; i++) late.add(`early-${i}`);
    for (let i = 0; i < 3000; i++) late.add(i % 2 === 0 ? 'late' : `noise-${i}`);
    expect(late.top(1)[0]?.value).toBe('late');
    const exact = new ValueCounter(100);
    for (const value of ['a', 'b', 'a']) exact.add(value);
    expect(exact.exact).toBe(true);
    expect(exact.top(5)).toEqual([
      { value: 'a', count: 2 },
      { value: 'b', count: 1 },
    ]);
  });

  it('samples a stream uniformly in bounded memory', () => {
    const reservoir = new Reservoir(1000);
    for (let i = 0; i < 100_000; i++) reservoir.add(i);
    expect(reservoir.values).toHaveLength(1000);
    expect(reservoir.count).toBe(100_000);
    const mean = reservoir.values.reduce((a, b) => a + b, 0) / 1000;
    expect(mean).toBeGreaterThan(45_000);
    expect(mean).toBeLessThan(55_000);
  });
});

describe('field profiler', () => {
  const spec = (over: Partial<FieldSpec>): FieldSpec => ({
    id: 'customers.x',
    table: 'customers',
    key: 'x',
    label: 'X',
    kind: 'custom',
    type: 'number',
    typeSource: 'catalogue',
    context: DEFAULT_CONTEXT,
    pastOnly: false,
    birthDate: false,
    perDay: false,
    ...over,
  });
  const profile = (fieldSpec: FieldSpec, values: unknown[]) => {
    const profiler = new FieldProfiler(fieldSpec, DEFAULT_LIMITS, NOW);
    const row = (i: number) => ({ rowId: `C${i}`, customerId: `C${i}` });
    values.forEach((value, i) => profiler.first(value, row(i)));
    profiler.prepareSecond();
    values.forEach((value, i) => profiler.second(value, row(i)));
    return profiler.result(values.length);
  };

  it('reads numbers with the field locale, ranges them typed, and links the outlier and the unreadable value to their rows', () => {
    const values = ['1.234,50', '1.100', '980,25', '1.050', '1.010', '995', '1.150', '1.075', '250.000', 'n/a', '', null];
    const { field, findings } = profile(spec({ context: { ...DEFAULT_CONTEXT, decimalSeparator: ',', thousandsSeparator: '.' } }), values);
    expect(field).toMatchObject({ filled: 10, rows: 12, unreadable: 1, range: { kind: 'number', min: 980.25, max: 250_000 } });
    const high = findings.find((f) => f.kind === 'outlier-high');
    expect(high?.rows).toEqual([{ table: 'customers', rowId: 'C8', customerId: 'C8', value: '250000' }]);
    expect(findings.find((f) => f.kind === 'unreadable')?.rows.map((r) => r.rowId)).toEqual(['C9']);
    expect(field.histogram?.above).toBe(1);
  });

  it('reports future and impossible birth dates with their customers, and ranges dates as dates', () => {
    const births = ['1980-01-01', '1975-06-30', '1990-03-05', '2031-01-01', '1890-02-02', '05/03/1985'];
    const { field, findings } = profile(spec({ key: 'birth_date', type: 'date', birthDate: true, pastOnly: true }), births);
    expect(field.range).toEqual({ kind: 'date', min: '1890-02-02', max: '2031-01-01' });
    expect(findings.find((f) => f.kind === 'future-date')?.rows.map((r) => r.rowId)).toEqual(['C3']);
    expect(findings.find((f) => f.kind === 'impossible-age')?.rows.map((r) => r.rowId)).toEqual(['C4']);
  });

  it('leaves a date field that may lie ahead (a renewal) alone', () => {
    const { findings } = profile(spec({ key: 'renewal_date', type: 'date' }), ['2027-01-01', '2026-01-01', '2026-06-01']);
    expect(findings.filter((f) => f.kind === 'future-date')).toEqual([]);
  });

  it('finds a busy day of orders and lists its rows', () => {
    const dates: string[] = [];
    for (let i = 0; i < 90; i++) for (let n = 0; n < 5; n++) dates.push(`${day(i)}T10:0${n}:00Z`);
    for (let n = 0; n < 100; n++) dates.push(`${day(45)}T12:00:00Z`);
    const { findings } = profile(
      spec({ table: 'orders', id: 'orders.ordered_at', key: 'ordered_at', type: 'date-time', perDay: true, pastOnly: true }),
      dates,
    );
    const busy = findings.filter((f) => f.kind === 'busy-day');
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ id: `orders.ordered_at:busy-day:${day(45)}`, count: 105 });
    expect(busy[0]?.rows).toHaveLength(105);
  });
});
