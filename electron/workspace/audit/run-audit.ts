import { DEFAULT_LIMITS, FieldProfiler, type ProfilerLimits } from '../../../shared/audit/field-profiler';
import type { RowIdentity } from '../../../shared/audit/finding-rows';
import type { AuditReport, AuditTable } from '../../../shared/audit/report';
import { utcDay } from '../../../shared/audit/dates';
import { cellText } from '../../../shared/audit/audit-value';
import { CANONICAL_KEYS } from '../../../shared/fields/canonical';
import type { Db } from '../db';
import { auditFields } from './audit-fields';

export interface AuditProgress {
  /** Rows read so far, over both passes. */
  done: number;
  total: number;
  rows: number;
}

export interface AuditOptions {
  /** The audit's clock ("future", ages); tests pin it. */
  now?: number;
  limits?: Partial<ProfilerLimits>;
  progress?: (update: AuditProgress) => void;
}

/** Every customer field over 2,000 shares this budget of exactly counted distinct values. */
const DISTINCT_BUDGET = 1_000_000;
const PROGRESS_EVERY = 10_000;

interface TableReader {
  table: AuditTable;
  sql: string;
  /** The row's identity, and each profiled field's raw value. */
  visit(row: Record<string, unknown>, each: (key: string, raw: unknown) => void): RowIdentity;
}

function parseAttributes(json: unknown): Record<string, unknown> {
  if (typeof json !== 'string') return {};
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Orders and events: their own id, and their customer's (null while they wait for one). */
function activityIdentity(row: Record<string, unknown>): RowIdentity {
  return {
    rowId: cellText(row.id),
    customerId: row.customer_id === null || row.customer_id === undefined ? null : cellText(row.customer_id),
  };
}

const READERS: readonly TableReader[] = [
  {
    table: 'customers',
    sql: `SELECT ${CANONICAL_KEYS.join(', ')}, attributes FROM customers`,
    visit(row, each) {
      for (const key of CANONICAL_KEYS) each(key, row[key]);
      for (const [key, value] of Object.entries(parseAttributes(row.attributes))) each(key, value);
      const id = cellText(row.id);
      return { rowId: id, customerId: id };
    },
  },
  {
    table: 'orders',
    sql: 'SELECT id, customer_id, total, ordered_at, status, currency, category, items FROM orders',
    visit(row, each) {
      for (const key of ['total', 'ordered_at', 'status', 'currency', 'category', 'items']) each(key, row[key]);
      return activityIdentity(row);
    },
  },
  {
    table: 'events',
    sql: 'SELECT id, customer_id, type, occurred_at FROM events',
    visit(row, each) {
      each('type', row.type);
      each('occurred_at', row.occurred_at);
      return activityIdentity(row);
    },
  },
];

/**
 * The data audit: every field profiled in at most two streaming passes per
 * table (see FieldProfiler), so memory holds counters, samples and capped row
 * lists, never the rows. Read-only; runs on the audit worker's own connection.
 */
export function runAudit(db: Db, options: AuditOptions = {}): AuditReport {
  const started = Date.now();
  const now = options.now ?? started;
  const specs = auditFields(db);
  const distinctCap = Math.max(500, Math.min(DEFAULT_LIMITS.distinctCap, Math.floor(DISTINCT_BUDGET / Math.max(1, specs.length))));
  const limits: ProfilerLimits = { ...DEFAULT_LIMITS, distinctCap, ...options.limits };
  const profilers = specs.map((spec) => new FieldProfiler(spec, limits, now));
  const counts = Object.fromEntries(
    READERS.map((reader) => [reader.table, db.prepare(`SELECT count(*) FROM ${reader.table}`).pluck().get() as number]),
  ) as Record<AuditTable, number>;
  const total = 2 * (counts.customers + counts.orders + counts.events);
  let done = 0;
  const tick = () => {
    done++;
    if (done % PROGRESS_EVERY === 0) options.progress?.({ done, total, rows: done });
  };

  const pass = (reader: TableReader, visit: (profiler: FieldProfiler, raw: unknown, row: RowIdentity) => void) => {
    const byKey = new Map(profilers.filter((p) => p.spec.table === reader.table).map((p) => [p.spec.key, p]));
    const raws: [FieldProfiler, unknown][] = [];
    for (const row of db.prepare(reader.sql).iterate() as IterableIterator<Record<string, unknown>>) {
      raws.length = 0;
      const identity = reader.visit(row, (key, raw) => {
        const profiler = byKey.get(key);
        if (profiler) raws.push([profiler, raw]);
      });
      for (const [profiler, raw] of raws) visit(profiler, raw, identity);
      tick();
    }
  };

  for (const reader of READERS) pass(reader, (profiler, raw, row) => profiler.first(raw, row));
  for (const profiler of profilers) profiler.prepareSecond();
  for (const reader of READERS) {
    if (profilers.some((p) => p.spec.table === reader.table && p.needsSecondPass)) {
      pass(reader, (profiler, raw, row) => profiler.second(raw, row));
    } else {
      done += counts[reader.table];
    }
  }
  options.progress?.({ done: total, total, rows: total });

  const results = profilers.map((profiler) => profiler.result(counts[profiler.spec.table]));
  return {
    createdAt: new Date(started).toISOString(),
    today: utcDay(now),
    durationMs: Date.now() - started,
    rows: counts,
    fields: results.map((r) => r.field),
    findings: results.flatMap((r) => r.findings),
    limits: { distinctCap: limits.distinctCap, rowsPerFinding: limits.rowsPerFinding, sample: limits.sampleSize },
  };
}
