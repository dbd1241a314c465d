import type { AheadPlans } from './ahead';
import type { ColumnMapping, ImportEntityName } from '../../../shared/contract/schemas';
import type { Db } from '../db';
import type { Dialect } from './dialect';
import type { EncodingDecision } from './encoding';
import type { CsvRecord } from './records';

/**
 * A row's way through an import: named steps, each of which lets the row go
 * on, rejects it with a reason, or skips it. Steps that build the row's
 * staged value set `row.value`; the stager writes whatever value survives.
 */
export interface Row<T> {
  readonly record: CsvRecord;
  value: T | null;
  /**
   * The row's typed values as JSON, when a step computed them while streaming ('' for none; left
   * undefined when not computed): staged beside the value, for the committer to keep if they still hold.
   */
  typed?: string;
}

export type Outcome = { kind: 'next' } | { kind: 'skip'; reason?: string } | { kind: 'reject'; reason: string };

export const next: Outcome = { kind: 'next' };
export const skip: Outcome = { kind: 'skip' };
export const reject = (reason: string): Outcome => ({ kind: 'reject', reason });
/** Skipped for a reason worth reporting (a report's footer line), not just blank. */
export const skipFor = (reason: string): Outcome => ({ kind: 'skip', reason });

export interface Step<T> {
  readonly name: string;
  run(row: Row<T>): Outcome;
  /** Pure work of this step, as data the parse thread can do ahead (ahead.ts). */
  readonly ahead?: AheadPlans;
  /** This step changes the record's cells, so no work after it can be done ahead on the raw record. */
  readonly reshapes?: boolean;
}

/** What every step may need to know about the file and the import. */
export interface ImportContext {
  db: Db;
  importId: number;
  /** Name shown in messages. */
  name: string;
  mapping: readonly ColumnMapping[];
  dialect: Dialect;
  encoding: EncodingDecision;
  /** Sends row work to the parse thread, when there is one and the steps leave the record's cells as parsed (ahead.ts). */
  ahead?: { send?(plans: AheadPlans): void };
}

export function runSteps<T>(steps: readonly Step<T>[], row: Row<T>): Outcome {
  for (const step of steps) {
    const outcome = step.run(row);
    if (outcome.kind !== 'next') return outcome;
  }
  return next;
}

/** Counts of every record read; created + updated + rejected + skipped = read once committed. */
export interface Counters {
  rowsRead: number;
  rowsStaged: number;
  rowsRejected: number;
  rowsSkipped: number;
}

export interface CommitResult {
  created: number;
  updated: number;
  /** Rows imported with a warning (import_warnings). */
  warned: number;
  /** Orders and events kept without a customer, and the first of them (line, customer key). */
  unlinked?: { count: number; sample: { line: number; customerKey: string }[] };
  /** Earlier orders and events that attached to a customer this import brought in. */
  attached?: number;
}

/** How messages name an entity's rows: "customer"/"customers", and what "updated" means for it. */
export interface EntityWording {
  one: string;
  many: string;
  /** Rows that matched one already in the workspace. */
  updated: string;
}

/**
 * One kind of record an import can bring in (customers, orders, events): how
 * its header maps to fields, the steps a row goes through, and the final
 * transaction that moves staged rows into place.
 */
export interface ImportEntity<T> {
  /** Recorded in imports.kind. */
  readonly kind: ImportEntityName;
  readonly wording: EntityWording;
  /** Map the header row; throws FileProblem when the file cannot be imported at all. */
  mapHeader(fields: readonly string[], context: Omit<ImportContext, 'mapping'>): ColumnMapping[];
  steps(context: ImportContext): Step<T>[];
  /** Runs inside the import's final transaction. */
  commit(context: ImportContext, counters: Counters): CommitResult;
  /**
   * Set by a wrapper that changes the header before its entity sees it
   * (withValidation leaves a rejected-rows file's reasons column out): the same
   * wrapper around `wrap(entity)`, so column choices (choices.ts) apply to the
   * header as the entity sees it, inside the wrapper.
   */
  readonly around?: (wrap: (inner: ImportEntity<T>) => ImportEntity<T>) => ImportEntity<T>;
}
