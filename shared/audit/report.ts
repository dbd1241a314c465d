import { z } from 'zod';
import { FieldType } from '../fields/types/field-type';

/**
 * What a data audit produces, as schemas so the report crosses the contract
 * (job result, `audit.latest`, `tailor audit --json`) typed once.
 */

export const AuditTable = z.enum(['customers', 'orders', 'events']);
export type AuditTable = z.infer<typeof AuditTable>;

/** One row a finding points at: the customer it belongs to (null for an order or event waiting for its customer), the row's own id, and the value. */
export const AuditRowRef = z.object({
  table: AuditTable,
  /** Customer id, order id or event id. */
  rowId: z.string(),
  customerId: z.string().nullable(),
  value: z.string(),
});
export type AuditRowRef = z.infer<typeof AuditRowRef>;

export const FindingKind = z.enum(['outlier-high', 'outlier-low', 'future-date', 'impossible-age', 'unreadable', 'busy-day']);
export type FindingKind = z.infer<typeof FindingKind>;

/** An outlier or anomaly, with the rows it concerns (the first `rows.length` of `count`). */
export const AuditFinding = z.object({
  /** Stable within a report: field id, kind and (for a busy day) the day. */
  id: z.string(),
  fieldId: z.string(),
  kind: FindingKind,
  title: z.string(),
  detail: z.string(),
  count: z.number().int(),
  rows: z.array(AuditRowRef),
});
export type AuditFinding = z.infer<typeof AuditFinding>;

/** Numbers and money as numbers; dates and date-times as epoch milliseconds (UTC), shown as dates. */
export const ValueScale = z.enum(['number', 'date', 'date-time']);
export type ValueScale = z.infer<typeof ValueScale>;

export const AuditRange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), min: z.number(), max: z.number() }),
  /** ISO text as stored: YYYY-MM-DD for dates, full ISO for date-times. */
  z.object({ kind: z.literal('date'), min: z.string(), max: z.string() }),
  /** Text fields: first and last in code-point order, and the shortest and longest lengths. */
  z.object({ kind: z.literal('text'), min: z.string(), max: z.string(), minLength: z.number().int(), maxLength: z.number().int() }),
]);
export type AuditRange = z.infer<typeof AuditRange>;

export const HistogramBin = z.object({ from: z.number(), to: z.number(), count: z.number().int() });
export type HistogramBin = z.infer<typeof HistogramBin>;

export const AuditHistogram = z.object({
  scale: ValueScale,
  /** Equal-width bins over the values inside the outlier fences; the last bin includes its upper edge. */
  bins: z.array(HistogramBin),
  /** Values below the first bin and above the last one (the outliers), counted, not drawn. */
  below: z.number().int(),
  above: z.number().int(),
});
export type AuditHistogram = z.infer<typeof AuditHistogram>;

export const OutlierFences = z.object({
  /**
   * robust-z (numbers and money): |0.6745 (x − median) / MAD| > 3.5; iqr (dates, or when the MAD is 0): outside
   * Q1 − 3 IQR … Q3 + 3 IQR; none: no spread to measure against.
   */
  method: z.enum(['robust-z', 'iqr', 'none']),
  /** Measured on log(1 + x) (amounts and counts, which are right-skewed); median, quartiles and fences are on the values' own scale, the MAD on the log scale. */
  log: z.boolean(),
  median: z.number(),
  mad: z.number(),
  q1: z.number(),
  q3: z.number(),
  low: z.number(),
  high: z.number(),
  /** How many values the median and quartiles were estimated from (a uniform sample past that). */
  sampled: z.number().int(),
});
export type OutlierFences = z.infer<typeof OutlierFences>;

export const FieldAudit = z.object({
  /** `<table>.<key>`, e.g. customers.birth_date, customers.loyalty_points, orders.total. */
  id: z.string(),
  table: AuditTable,
  key: z.string(),
  label: z.string(),
  /** canonical and custom customer fields; column: an order or event column. */
  kind: z.enum(['canonical', 'custom', 'column']),
  type: FieldType,
  /** catalogue: the workspace's field types; detected: an untyped field read from its values; fixed: an order or event column. */
  typeSource: z.enum(['catalogue', 'detected', 'fixed']),
  rows: z.number().int(),
  filled: z.number().int(),
  /** Filled values that do not read as the field's type. */
  unreadable: z.number().int(),
  distinct: z.number().int(),
  /** False when there were more distinct values than the audit counts exactly: `distinct` is then a lower bound. */
  distinctExact: z.boolean(),
  top: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** False when the top values are estimates (a space-saving sketch past the distinct cap). */
  topExact: z.boolean(),
  range: AuditRange.nullable(),
  histogram: AuditHistogram.nullable(),
  fences: OutlierFences.nullable(),
});
export type FieldAudit = z.infer<typeof FieldAudit>;

export const AuditReport = z.object({
  createdAt: z.string(),
  /** The day "future" was measured against (UTC, YYYY-MM-DD). */
  today: z.string(),
  durationMs: z.number(),
  rows: z.object({ customers: z.number().int(), orders: z.number().int(), events: z.number().int() }),
  fields: z.array(FieldAudit),
  findings: z.array(AuditFinding),
  limits: z.object({ distinctCap: z.number().int(), rowsPerFinding: z.number().int(), sample: z.number().int() }),
});
export type AuditReport = z.infer<typeof AuditReport>;

/** What an audit job ends with; the report itself is read with `audit.latest`. */
export const AuditOutcome = z.object({
  status: z.enum(['succeeded', 'cancelled']),
  message: z.string(),
  fields: z.number().int(),
  findings: z.number().int(),
});
export type AuditOutcome = z.infer<typeof AuditOutcome>;
