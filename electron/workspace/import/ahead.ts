import type { ColumnValueReading } from '../../../shared/fields/types';
import { detectAhead, type DetectPlan } from './detect-ahead';
import type { CsvRecord } from './records';
import type { Step } from './pipeline';
import { rowValidator, type RowVerdict, type ValidationPlan } from './validation/row-validator';

/**
 * Row work done ahead, on the parse thread: a step whose work is pure
 * declares it as a plan of plain data (`Step.ahead`), the import sends the
 * plans to the parse thread once the header is mapped, and from then on each
 * record arrives with its results (`CsvRecord.ahead`). The step uses them when
 * present and does the work itself otherwise (the first batches, small files
 * parsed in-line), so the results are the same either way; only which core
 * spends the time changes.
 */
export interface AheadPlans {
  validation?: ValidationPlan;
  /** Sent later, once the first rows decided the file's locale (customers/typing-tally.ts). */
  detect?: DetectPlan;
}

export interface AheadResults {
  validation?: RowVerdict;
  /** Per typing column (by slot): the detector's reading of the row's value, or null. */
  detect?: (ColumnValueReading | null)[];
}

/**
 * The plans of `steps` that can run on the raw record: those before any step
 * that changes the record's cells (`reshapes`), whose indices would no longer
 * match the parsed fields.
 */
export function aheadPlans<T>(steps: readonly Step<T>[]): AheadPlans | null {
  const plans: AheadPlans = {};
  for (const step of steps) {
    if (step.reshapes) break;
    if (step.ahead?.validation) plans.validation = step.ahead.validation;
  }
  return plans.validation === undefined ? null : plans;
}

/** Whether any of `steps` changes the record's cells (then nothing after it can be done on the raw record). */
export function reshapes<T>(steps: readonly Step<T>[]): boolean {
  return steps.some((step) => step.reshapes === true);
}

/**
 * The parse thread's side: attach each plan's results to a record. `share: false` leaves the record's
 * validation to the import's thread: the parse thread does that when the import's thread is waiting for
 * records, so the row work goes to whichever core is free (detection always runs here: its readers must
 * see every row).
 */
export function aheadWork(plans: AheadPlans): (record: CsvRecord, share?: boolean) => void {
  const validate = plans.validation ? rowValidator(plans.validation) : null;
  const detect = plans.detect ? detectAhead(plans.detect) : null;
  return (record, share = true) => {
    if (record.problem !== null) return;
    const ahead: AheadResults = {};
    if (validate !== null && share) ahead.validation = validate(record.fields);
    if (detect !== null) ahead.detect = detect(record.fields);
    record.ahead = ahead;
  };
}
