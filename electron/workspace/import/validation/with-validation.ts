import type { ImportEntity, Step } from '../pipeline';
import { flagCustomers, settleFindings } from './findings';
import { hasReasonsColumn, readSourceHeader, saveSourceHeader } from './source-header';

/**
 * What every entity gets around its own header mapping, steps and commit (the
 * validation step itself sits in each entity's step list):
 * - the header as written is kept, so rejected rows can be written back out
 *   under it (rejects-csv.ts);
 * - a rejected-rows file imports as it is: its reasons column is left out,
 *   before column choices apply (`around`), so a mapping of the original
 *   file fits it and ignored columns count from the file's first real column;
 * - on commit, the findings become counts per rule and flags on customers.
 */
export function withValidation<T>(entity: ImportEntity<T>): ImportEntity<T> {
  return {
    ...entity,
    around: (wrap) => withValidation(wrap(entity)),
    mapHeader: (fields, context) => {
      const reasonsColumn = hasReasonsColumn(fields);
      const own = reasonsColumn ? fields.slice(1) : fields;
      saveSourceHeader(context.db, context.importId, { fields: [...own], delimiter: context.dialect.delimiter, reasonsColumn });
      return entity.mapHeader(own, context);
    },
    steps: (context) => {
      const steps = entity.steps(context);
      return readSourceHeader(context.db, context.importId)?.reasonsColumn ? [dropReasonsStep<T>(), ...steps] : steps;
    },
    commit: (context, counters) => {
      const result = entity.commit(context, counters);
      if (entity.kind === 'customers') flagCustomers(context);
      settleFindings(context.db, context.importId);
      return result;
    },
  };
}

/** The reasons cell of a rejected-rows file is not data. */
function dropReasonsStep<T>(): Step<T> {
  return {
    name: 'reasons column',
    reshapes: true,
    run: ({ record }) => {
      record.fields.shift();
      return { kind: 'next' };
    },
  };
}
