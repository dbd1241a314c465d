import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { readDecimal } from './decimal-number';
import { dateOrderEvidence, orderedParts } from './date-shapes';
import { type DateOrder, type DecimalSeparator } from './parse-context';
import { splitAmount } from './signed-amount';

/** What one value says about the locale. */
export interface ValueEvidence {
  order: DateOrder | 'ambiguous' | null;
  decimal: DecimalSeparator | 'ambiguous' | null;
  /** The mark grouping its thousands, when it has a decimal mark that says which one groups. */
  grouping: string | null;
}

const NO_EVIDENCE: ValueEvidence = { order: null, decimal: null, grouping: null };

export function readEvidence(text: string): ValueEvidence {
  const order = dateOrderEvidence(text);
  if (order) return { ...NO_EVIDENCE, order };
  if (!/[0-9]/.test(text)) return NO_EVIDENCE;
  const amount = splitAmount(text);
  if ('reason' in amount) return NO_EVIDENCE;
  const reading = readDecimal(amount.body);
  if (reading.kind === 'ambiguous') return { ...NO_EVIDENCE, decimal: 'ambiguous' };
  if (reading.kind !== 'number' || reading.decimal === null) return NO_EVIDENCE;
  const integer = amount.body.slice(0, amount.body.lastIndexOf(reading.decimal));
  return { order: null, decimal: reading.decimal, grouping: /[.,  \u00a0\u202f\u2009'\u2019]/.exec(integer)?.[0] ?? null };
}

/**
 * What a set of values says about the locale, gathered before anything is
 * parsed: which day order and which decimal mark the unambiguous values use,
 * and one ambiguous example of each to name in a warning.
 */
export class LocaleEvidence {
  readonly dateOrders = { 'day-first': 0, 'month-first': 0 };
  readonly decimals = { '.': 0, ',': 0 };
  readonly groupings = new Map<string, number>();
  ambiguousDate: string | undefined;
  ambiguousNumber: string | undefined;

  /** Count what `text` says, `count` times. */
  add(text: string, count = 1): void {
    this.addRead(text, readEvidence(text), count);
  }

  /** Count what `text` said when it was read (a column reads each distinct value once). */
  addRead(text: string, evidence: ValueEvidence, count: number): void {
    if (evidence.order === 'ambiguous') this.ambiguousDate ??= text;
    else if (evidence.order) this.dateOrders[evidence.order] += count;
    if (evidence.decimal === 'ambiguous') this.ambiguousNumber ??= text;
    else if (evidence.decimal) this.decimals[evidence.decimal] += count;
    if (evidence.grouping) this.groupings.set(evidence.grouping, (this.groupings.get(evidence.grouping) ?? 0) + count);
  }

  /** The order the unambiguous values use (the majority, if they disagree), or null when none say. */
  dateOrder(): DateOrder | null {
    const { 'day-first': day, 'month-first': month } = this.dateOrders;
    return day === 0 && month === 0 ? null : day >= month ? 'day-first' : 'month-first';
  }

  decimalSeparator(): DecimalSeparator | null {
    const { '.': dot, ',': comma } = this.decimals;
    return dot === 0 && comma === 0 ? null : comma > dot ? ',' : '.';
  }

  /** Warnings about the day order, for a column read as dates in `order`. */
  dateWarnings(order: DateOrder): string[] {
    const { 'day-first': day, 'month-first': month } = this.dateOrders;
    if (day > 0 && month > 0) {
      const minority = order === 'day-first' ? month : day;
      return [
        `mixed date orders: ${day} values can only be day-first and ${month} only month-first; read as ${order}, so ${minority} fail`,
      ];
    }
    if (day === 0 && month === 0 && this.ambiguousDate) return [ambiguousDateWarning(this.ambiguousDate, order)];
    return [];
  }

  numberWarnings(decimal: DecimalSeparator): string[] {
    if (this.decimals['.'] > 0 || this.decimals[','] > 0 || !this.ambiguousNumber) return [];
    const sample = this.ambiguousNumber;
    return [`ambiguous: ${sample} could be a thousands grouping or a decimal mark; read with "${decimal}" as the decimal separator`];
  }
}

/** "ambiguous: 05/03/1990 could be 5 March or May 3; read as day-first". */
function ambiguousDateWarning(sample: string, order: DateOrder): string {
  const parts = orderedParts(sample);
  if (!parts) return `ambiguous: ${sample}`;
  const asDayFirst = format(new Date(2000, parts.second - 1, parts.first), 'd MMMM', { locale: enUS });
  const asMonthFirst = format(new Date(2000, parts.first - 1, parts.second), 'MMMM d', { locale: enUS });
  return `ambiguous: ${sample} could be ${asDayFirst} or ${asMonthFirst}; read as ${order}`;
}
