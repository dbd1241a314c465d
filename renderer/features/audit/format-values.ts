import type { AuditRange, HistogramBin, ValueScale } from '../../../shared/audit/report';
import { formatCount } from '../../ui/format';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Numbers compactly (1.2k), so forty bin labels fit under a chart. */
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export function binLabel(bin: HistogramBin, scale: ValueScale): string {
  if (scale !== 'number') return day(bin.from);
  return bin.to - bin.from === 1 && Number.isInteger(bin.from) ? String(bin.from) : `${compact.format(bin.from)}–${compact.format(bin.to)}`;
}

export function rangeText(range: AuditRange | null): { min: string; max: string } | null {
  if (!range) return null;
  if (range.kind === 'number') return { min: formatCount(range.min), max: formatCount(range.max) };
  if (range.kind === 'date') return { min: range.min, max: range.max };
  return { min: range.min, max: range.max };
}

export const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

/** A value on a histogram's scale: numbers as numbers, dates and date-times (epoch ms) as days. */
export const scaledValue = (value: number, scale: ValueScale): string =>
  scale === 'number' ? formatCount(Number(value.toFixed(2))) : day(value);
