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
}

export interface AheadResults {
  validation?: RowVerdict;
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

/** The parse thread's side: attach each plan's results to a record. */
export function aheadWork(plans: AheadPlans): (record: CsvRecord) => void {
  const validate = plans.validation ? rowValidator(plans.validation) : null;
  return (record) => {
    if (validate === null || record.problem !== null) return;
    record.ahead = { validation: validate(record.fields) };
  };
}
