import type { FieldType } from '../fields/types/field-type';
import type { ParseContext } from '../fields/types';
import { readValue, scaleOf, type AuditValue } from './audit-value';
import { busyDays, type BusyDay } from './busy-days';
import { dayOf, impossibleBirthDate, isFutureDate, isFutureInstant, utcDay } from './dates';
import { FindingRows, type RowIdentity } from './finding-rows';
import { Histogram } from './histogram';
import { outlierFences, outlierSide } from './outliers';
import type { AuditFinding, AuditRange, AuditTable, FieldAudit, OutlierFences } from './report';
import { Reservoir } from './reservoir';
import { ValueCounter } from './value-counter';

export interface FieldSpec {
  id: string;
  table: AuditTable;
  key: string;
  label: string;
  kind: FieldAudit['kind'];
  type: FieldType;
  typeSource: FieldAudit['typeSource'];
  context: ParseContext;
  /** A future value is an error (a birth, an order, an event). */
  pastOnly: boolean;
  /** Birth dates: also checked for ages nobody has. */
  birthDate: boolean;
  /** Count rows per day and report days far busier than usual (order dates, event timestamps). */
  perDay: boolean;
}

export interface ProfilerLimits {
  distinctCap: number;
  sampleSize: number;
  rowsPerFinding: number;
  topValues: number;
  /** At most this many busy days are reported per field, busiest first. */
  busyDays: number;
}

export const DEFAULT_LIMITS: ProfilerLimits = { distinctCap: 20_000, sampleSize: 5_000, rowsPerFinding: 200, topValues: 10, busyDays: 20 };

const TYPE_NAMES: Record<FieldType, string> = {
  text: 'text',
  number: 'a number',
  money: 'an amount',
  date: 'a date',
  'date-time': 'a date and time',
  boolean: 'yes/no',
  email: 'an email',
  phone: 'a phone number',
  country: 'a country',
  list: 'a list',
};

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Everything the audit learns about one field, streamed in at most two
 * passes with bounded memory. Pass 1 (`first`) counts, finds distinct and top
 * values, the range, unreadable and future values, and keeps a uniform
 * sample; between passes the sample gives the outlier fences and the
 * histogram's bins; pass 2 (`second`, only when `needsSecondPass`) counts the
 * histogram and collects the outliers and the rows of busy days.
 */
export class FieldProfiler {
  private filled = 0;
  private readonly counter: ValueCounter;
  private readonly sample: Reservoir;
  private readonly scale;
  private integers = true;
  private numMin = Infinity;
  private numMax = -Infinity;
  private isoMin: string | null = null;
  private isoMax: string | null = null;
  private textMin: string | null = null;
  private textMax: string | null = null;
  private minLength = Infinity;
  private maxLength = 0;
  private readonly perDay = new Map<string, number>();
  private readonly unreadable: FindingRows;
  private readonly future: FindingRows;
  private readonly impossibleAge: FindingRows;
  private readonly today: string;
  private fences: OutlierFences | null = null;
  private histogram: Histogram | null = null;
  private high: FindingRows;
  private low: FindingRows;
  private busy: { day: BusyDay; rows: FindingRows }[] = [];
  private firstReason: string | null = null;

  constructor(
    readonly spec: FieldSpec,
    private readonly limits: ProfilerLimits,
    private readonly now: number,
  ) {
    this.counter = new ValueCounter(limits.distinctCap);
    this.sample = new Reservoir(limits.sampleSize);
    this.scale = scaleOf(spec.type);
    this.today = utcDay(now);
    const rows = () => new FindingRows(spec.table, limits.rowsPerFinding);
    this.unreadable = rows();
    this.future = rows();
    this.impossibleAge = rows();
    this.high = rows();
    this.low = rows();
  }

  private read(raw: unknown): AuditValue | null {
    return readValue(raw, this.spec.type, this.spec.context);
  }

  first(raw: unknown, row: RowIdentity): void {
    const value = this.read(raw);
    if (value === null) return;
    this.filled++;
    this.counter.add(value.key);
    if (!value.ok) {
      this.firstReason ??= value.reason;
      this.unreadable.add(row, value.key);
      return;
    }
    if (this.scale === null) {
      this.trackText(value.key);
      return;
    }
    if (value.order === null) return;
    this.sample.add(value.order);
    if (!Number.isInteger(value.order)) this.integers = false;
    if (value.order < this.numMin) {
      this.numMin = value.order;
      this.isoMin = value.iso;
    }
    if (value.order > this.numMax) {
      this.numMax = value.order;
      this.isoMax = value.iso;
    }
    if (value.iso !== null) this.checkDate(value.iso, value.order, row);
  }

  private trackText(key: string): void {
    if (this.textMin === null || key < this.textMin) this.textMin = key;
    if (this.textMax === null || key > this.textMax) this.textMax = key;
    const length = [...key].length;
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
  }

  private checkDate(iso: string, ms: number, row: RowIdentity): void {
    const day = dayOf(iso);
    if (this.spec.perDay) this.perDay.set(day, (this.perDay.get(day) ?? 0) + 1);
    if (this.spec.birthDate) {
      const problem = impossibleBirthDate(day, this.today);
      if (problem === 'in the future') this.future.add(row, iso);
      else if (problem !== null) this.impossibleAge.add(row, iso);
      return;
    }
    if (!this.spec.pastOnly) return;
    const future = this.spec.type === 'date' ? isFutureDate(day, this.today) : isFutureInstant(ms, this.now);
    if (future) this.future.add(row, iso);
  }

  /** Between the passes: fences from the sample, bins from the range inside them, busy days from the day counts. */
  prepareSecond(): void {
    if (this.scale === null || this.sample.count === 0) return;
    this.fences =
      this.scale === 'number'
        ? outlierFences(this.sample.values, { method: 'robust-z', log: true })
        : outlierFences(distinctDays(this.sample.values), { method: 'iqr', log: false });
    const fenced = this.fences !== null && this.fences.method !== 'none';
    const lo = fenced ? Math.max(this.numMin, this.fences?.low ?? -Infinity) : this.numMin;
    const hi = fenced ? Math.min(this.numMax, this.fences?.high ?? Infinity) : this.numMax;
    this.histogram = new Histogram(this.scale, lo, hi, this.sample.count, this.integers);
    this.busy = busyDays(this.perDay)
      .slice(0, this.limits.busyDays)
      .map((day) => ({ day, rows: new FindingRows(this.spec.table, this.limits.rowsPerFinding) }));
  }

  get needsSecondPass(): boolean {
    return this.histogram !== null;
  }

  second(raw: unknown, row: RowIdentity): void {
    if (!this.histogram) return;
    const value = this.read(raw);
    if (value === null || !value.ok || value.order === null) return;
    this.histogram.add(value.order);
    const side = this.fences ? outlierSide(value.order, this.fences) : null;
    if (side === 'high') this.high.add(row, value.key);
    else if (side === 'low') this.low.add(row, value.key);
    if (this.busy.length > 0 && value.iso !== null) {
      const day = dayOf(value.iso);
      for (const entry of this.busy) if (entry.day.day === day) entry.rows.add(row, value.key);
    }
  }

  private range(): AuditRange | null {
    if (this.scale === null) {
      if (this.textMin === null || this.textMax === null || this.spec.type === 'boolean') return null;
      return { kind: 'text', min: this.textMin, max: this.textMax, minLength: this.minLength, maxLength: this.maxLength };
    }
    if (this.numMin > this.numMax) return null;
    if (this.scale === 'number') return { kind: 'number', min: this.numMin, max: this.numMax };
    return this.isoMin !== null && this.isoMax !== null ? { kind: 'date', min: this.isoMin, max: this.isoMax } : null;
  }

  private findings(): AuditFinding[] {
    const { id, label } = this.spec;
    const out: AuditFinding[] = [];
    const push = (kind: AuditFinding['kind'], rows: FindingRows, title: string, detail: string, suffix = '') => {
      if (rows.count > 0) out.push({ id: `${id}:${kind}${suffix}`, fieldId: id, kind, title, detail, count: rows.count, rows: rows.rows });
    };
    push(
      'unreadable',
      this.unreadable,
      `${plural(this.unreadable.count, 'value is', 'values are')} not ${TYPE_NAMES[this.spec.type]}`,
      `${label} is typed ${this.spec.type}; these values do not read as one${this.firstReason ? ` (first: ${this.firstReason})` : ''}.`,
    );
    push(
      'future-date',
      this.future,
      `${plural(this.future.count, 'date is', 'dates are')} in the future`,
      `${label} records something that already happened, but these values are after ${this.today}.`,
    );
    push(
      'impossible-age',
      this.impossibleAge,
      `${plural(this.impossibleAge.count, 'birth date gives', 'birth dates give')} an impossible age`,
      `These birth dates make the customer older than 120 on ${this.today}: usually a typo or a placeholder year.`,
    );
    const fences = this.fences;
    if (fences && fences.method !== 'none') {
      const how =
        fences.method === 'robust-z'
          ? `robust z-score ${fences.log ? 'of log(1 + value) ' : ''}beyond 3.5 (median ${this.show(fences.median)})`
          : `beyond 3 interquartile ranges of the middle half (${this.show(fences.q1)} … ${this.show(fences.q3)})`;
      push(
        'outlier-high',
        this.high,
        `${plural(this.high.count, 'value is', 'values are')} unusually high`,
        `Above ${this.show(fences.high)}: ${how}.`,
      );
      push(
        'outlier-low',
        this.low,
        `${plural(this.low.count, 'value is', 'values are')} unusually low`,
        `Below ${this.show(fences.low)}: ${how}.`,
      );
    }
    for (const { day, rows } of this.busy) {
      push(
        'busy-day',
        rows,
        `${day.count.toLocaleString('en-US')} ${this.spec.table} on ${day.day}`,
        `A usual day has ${day.usual.toLocaleString('en-US')}; a day this busy is often a file imported twice, a test batch or a bot.`,
        `:${day.day}`,
      );
    }
    return out;
  }

  /** A value on this field's scale as a reader would write it. */
  private show(value: number): string {
    if (this.scale === 'date') return utcDay(value);
    if (this.scale === 'date-time') return new Date(value).toISOString().replace('.000Z', 'Z');
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }

  result(rows: number): { field: FieldAudit; findings: AuditFinding[] } {
    const { id, table, key, label, kind, type, typeSource } = this.spec;
    return {
      field: {
        id,
        table,
        key,
        label,
        kind,
        type,
        typeSource,
        rows,
        filled: this.filled,
        unreadable: this.unreadable.count,
        distinct: this.counter.distinct,
        distinctExact: this.counter.exact,
        // When no value repeats (ids, emails) a top list would be arbitrary: leave it empty.
        top: this.counter.top(this.limits.topValues).filter((entry, _, all) => (all[0]?.count ?? 0) > 1),
        topExact: this.counter.exact,
        range: this.range(),
        histogram: this.histogram?.result() ?? null,
        fences: this.fences,
      },
      findings: this.findings(),
    };
  }
}

const DAY_MS = 86_400_000;

/**
 * The days a sample of dates falls on, each once. A date outlier is about when, not how many: weighted by
 * rows, a day of 400 orders (its own busy-day finding) drew the quartiles to its week and every ordinary
 * order a month away became "unusually early" or "late".
 */
function distinctDays(values: readonly number[]): number[] {
  return [...new Set(values.map((ms) => Math.floor(ms / DAY_MS) * DAY_MS))];
}
