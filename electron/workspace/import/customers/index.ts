import { linkAllPending } from '../activity/link';
import type { ImportContext, ImportEntity } from '../pipeline';
import { keepAttached, recordFlags, recordWaiting } from '../undo/record';
import { blankStep, encodingStep, shapeStep, structureStep } from '../steps';
import { validationStep } from '../validation/validation-step';
import { commitCustomers } from './committer';
import { mapCustomerHeader } from './header-mapping';
import { FieldStatsTally } from './stats-tally';
import { tallyStep, TypingTally } from './typing-tally';
import { duplicatesStep, fillsStep, identityStep, valuesStep, type StagedCustomer } from './steps';

/** Each import's tallies, from its steps to its commit (both get the same context). */
const tallies = new WeakMap<ImportContext, { typing: TypingTally; stats: FieldStatsTally }>();

/** Customers: the first entity an import brings in. */
export const customersEntity: ImportEntity<StagedCustomer> = {
  kind: 'customers',
  wording: { one: 'customer', many: 'customers', updated: 'updated' },
  mapHeader: mapCustomerHeader,
  steps: (context) => {
    const typing = new TypingTally(context.db, context.mapping, (detect) => context.ahead?.send?.({ detect }), context.name);
    const stats = new FieldStatsTally();
    tallies.set(context, { typing, stats });
    return [
      structureStep(),
      encodingStep(context),
      blankStep(),
      shapeStep(context),
      valuesStep(context),
      fillsStep(context),
      validationStep<StagedCustomer>(context, 'customers', (row, phone) => {
        if (row.value !== null) row.value.phone_read = [phone.country, phone.text, phone.e164];
      }),
      identityStep(),
      duplicatesStep(context),
      tallyStep(typing, stats),
    ];
  },
  commit: (context, counters) => {
    const result = commitCustomers(context, counters, tallies.get(context));
    // Before the validation step replaces the flags of the customers this import wrote (withValidation's commit).
    recordFlags(context.db, context.importId);
    // Orders and events that arrived before their customer attach now; undo detaches them again.
    recordWaiting(context.db, context.importId);
    const attached = linkAllPending(context.db);
    keepAttached(context.db, context.importId);
    return { ...result, attached };
  },
};
