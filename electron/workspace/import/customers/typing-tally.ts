import type { ColumnMapping } from '../../../../shared/contract/schemas';
import type { ColumnValueReading, ParseContext } from '../../../../shared/fields/types';
import type { Db } from '../../db';
import { stagedRowTyper, typedFieldsSignature } from '../../typed-values';
import type { DetectPlan } from '../detect-ahead';
import { next, type Step } from '../pipeline';
import {
  columnsSignature,
  feedColumn,
  LOCALE_ROWS,
  predictCatalogue,
  typingColumns,
  typingLocale,
  valuesOf,
  type Column,
  type TypingEvidence,
} from './field-types';
import type { FieldStatsTally } from './stats-tally';
import type { StagedCustomer } from './steps';

/**
 * Field typing's evidence gathered while rows are staged, instead of a second
 * pass over staging in the final transaction: the last step sees each row that
 * will be staged, in line order, exactly the rows and values the second pass
 * would read. The locale comes from the first 200 of them, as before; those are
 * held until then. From that point the parse thread reads each detected
 * column's values ahead (detect-ahead.ts), so the detectors here only count.
 *
 * The tally holds only if the catalogue is still what it was when the columns
 * were set up, and the commit kept every staged value (no mojibake was
 * dropped); otherwise the commit reads staging again (field-types.ts).
 *
 * Once the first rows are in, it also predicts the catalogue the commit will
 * leave (`predictCatalogue`) and computes each later row's typed values under
 * it, as the upsert would: the commit keeps them when its catalogue is the
 * predicted one (almost always: a column's type rarely changes after its
 * first 200 values), and computes them itself otherwise.
 */
export class TypingTally {
  private first: StagedCustomer[] = [];
  private state: { locale: ParseContext; columns: Column[]; signature: string } | null = null;
  private readonly filled = new Set<string>();
  private typer: ReturnType<typeof stagedRowTyper> | null = null;
  /** `typedFieldsSignature` of the predicted catalogue the typed values were computed under; null when none were. */
  predicted: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly mapping: readonly ColumnMapping[],
    /** Called once the columns are known, with what the parse thread can read ahead. */
    private readonly onColumns?: (plan: DetectPlan) => void,
    /** Named in the warnings the prediction weighs (field-types.ts), as the commit names it. */
    private readonly fileName = '',
  ) {}

  /** Tally a staged row; gives its typed values under the predicted catalogue ('' for none) once there is one. */
  add(staged: StagedCustomer, known?: readonly (ColumnValueReading | null)[]): string | undefined {
    if (this.state === null) {
      this.first.push(staged);
      if (this.first.length >= LOCALE_ROWS) this.start();
      return undefined;
    }
    this.feed(staged, known);
    return this.typer === null ? undefined : (this.typer(staged, staged.attributes, staged.phone_read) ?? '');
  }

  /** At commit: the evidence, or null when it no longer holds (the caller then reads staging again). */
  finish(): TypingEvidence | null {
    // A file of fewer rows than the locale sample: set up now, with nothing left for the parse thread to read.
    if (this.state === null) this.start(false);
    const { locale, columns, signature } = this.state as NonNullable<TypingTally['state']>;
    if (columnsSignature(typingColumns(this.db, this.mapping, locale)) !== signature) return null;
    return { locale, columns, filled: this.filled };
  }

  private start(readAhead = true): void {
    const locale = typingLocale(
      this.mapping,
      this.first.map((staged) => valuesOf(staged)),
    );
    const columns = typingColumns(this.db, this.mapping, locale);
    this.state = { locale, columns, signature: columnsSignature(columns) };
    for (const staged of this.first) this.feed(staged);
    this.first = [];
    if (readAhead) {
      this.onColumns?.(detectPlan(this.mapping, columns));
      const catalogue = predictCatalogue(this.db, this.mapping, { locale, columns, filled: this.filled }, this.fileName);
      this.typer = stagedRowTyper(catalogue);
      this.predicted = typedFieldsSignature(catalogue);
    }
  }

  private feed(staged: StagedCustomer, known?: readonly (ColumnValueReading | null)[]): void {
    const columns = (this.state as NonNullable<TypingTally['state']>).columns;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as Column;
      const value = column.canonical ? staged[column.key as keyof StagedCustomer] : staged.attributes[column.key];
      feedColumn(column, value, this.filled, known?.[i] ?? undefined);
    }
  }
}

/**
 * Which columns the parse thread can read ahead: a detected field fed by exactly one column of the file
 * that no other column fills, so its staged value is that cell, trimmed and unmarked (valuesStep).
 */
function detectPlan(mapping: readonly ColumnMapping[], columns: readonly Column[]): DetectPlan {
  const filledByOthers = new Set(mapping.flatMap((column) => (column.fills?.kind === 'fallback' ? [column.fills.field] : [])));
  const split = mapping.some((column) => column.fills?.kind === 'split_name');
  return {
    columns: columns.flatMap((column, slot) => {
      if (column.detector === null || column.detectorLocale === undefined) return [];
      if (filledByOthers.has(column.key) || (split && (column.key === 'first_name' || column.key === 'last_name'))) return [];
      const sources = mapping.flatMap((m, index) => (m.key === column.key ? [{ m, index }] : []));
      const [source] = sources;
      if (sources.length !== 1 || source === undefined) return [];
      if ((source.m.kind === 'canonical') !== column.canonical) return [];
      return [{ slot, index: source.index, header: column.header, locale: column.detectorLocale }];
    }),
  };
}

/** The customers import's last step: every row that gets here is staged, so its values are tallied for typing and statistics. */
export function tallyStep(typing: TypingTally, stats: FieldStatsTally): Step<StagedCustomer> {
  return {
    name: 'tally',
    run: (row) => {
      if (row.value === null) return next;
      const typed = typing.add(row.value, row.record.ahead?.detect);
      if (typed !== undefined) row.typed = typed;
      stats.add(row.value);
      return next;
    },
  };
}
