import type { ImportEntity } from '../pipeline';
import { blankStep, encodingStep, shapeStep, structureStep } from '../steps';
import { commitCustomers } from './committer';
import { mapCustomerHeader } from './header-mapping';
import { duplicatesStep, fillsStep, identityStep, valuesStep, type StagedCustomer } from './steps';

/** Customers: the first entity an import brings in. */
export const customersEntity: ImportEntity<StagedCustomer> = {
  kind: 'customers',
  mapHeader: mapCustomerHeader,
  steps: (context) => [
    structureStep(),
    encodingStep(context),
    blankStep(),
    shapeStep(context),
    valuesStep(context),
    fillsStep(context),
    identityStep(),
    duplicatesStep(context),
  ],
  commit: commitCustomers,
};
