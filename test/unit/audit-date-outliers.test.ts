import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, FieldProfiler, type FieldSpec } from '../../shared/audit/field-profiler';
import { DEFAULT_CONTEXT } from '../../shared/fields/types';

/**
 * Date outliers are about when, not how many: a day with 400 orders (itself a busy-day finding) must not pull
 * the interquartile range of order dates down to that week and call every other week's orders unusual.
 */

const NOW = Date.parse('2026-12-01T12:00:00Z');
const day = (offset: number): string => new Date(Date.parse('2026-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);

const ORDER_DATES: FieldSpec = {
  id: 'orders.ordered_at',
  table: 'orders',
  key: 'ordered_at',
  label: 'Order date',
  kind: 'canonical',
  type: 'date-time',
  typeSource: 'catalogue',
  context: DEFAULT_CONTEXT,
  pastOnly: true,
  birthDate: false,
  perDay: true,
};

function profile(values: readonly string[]) {
  const profiler = new FieldProfiler(ORDER_DATES, DEFAULT_LIMITS, NOW);
  const row = (i: number) => ({ rowId: `O${i}`, customerId: `C${i % 7}` });
  values.forEach((value, i) => profiler.first(value, row(i)));
  profiler.prepareSecond();
  values.forEach((value, i) => profiler.second(value, row(i)));
  return profiler.result(values.length);
}

describe('order date outliers with a busy day', () => {
  it('flags the busy day, and neither the ordinary first nor last weeks as unusually early or late', () => {
    const dates: string[] = [];
    for (let i = 0; i < 90; i++) for (let n = 0; n < 5; n++) dates.push(`${day(i)}T10:0${n}:00Z`);
    for (let n = 0; n < 400; n++) dates.push(`${day(45)}T12:00:00Z`);
    const { findings } = profile(dates);
    expect(findings.filter((f) => f.kind === 'busy-day').map((f) => f.count)).toEqual([405]);
    expect(findings.filter((f) => f.kind === 'outlier-high' || f.kind === 'outlier-low')).toEqual([]);
  });

  it('still flags an order dated decades away from the rest', () => {
    const dates: string[] = [];
    for (let i = 0; i < 90; i++) for (let n = 0; n < 5; n++) dates.push(`${day(i)}T10:0${n}:00Z`);
    for (let n = 0; n < 400; n++) dates.push(`${day(45)}T12:00:00Z`);
    dates.push('1970-01-01T00:00:00Z');
    const low = profile(dates).findings.filter((f) => f.kind === 'outlier-low');
    expect(low.map((f) => f.rows.map((r) => r.value))).toEqual([['1970-01-01T00:00:00Z']]);
  });
});
