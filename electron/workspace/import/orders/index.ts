import type { ImportEntity } from '../pipeline';
import { blankStep, encodingStep, shapeStep, structureStep } from '../steps';
import { validationStep } from '../validation/validation-step';
import { commitOrders } from './committer';
import { mapOrderHeader } from './header';
import { duplicateOrderStep, orderValuesStep, type StagedOrder } from './steps';

/** Orders: one row per order, linked to its customer by external id or email. */
export const ordersEntity: ImportEntity<StagedOrder> = {
  kind: 'orders',
  wording: { one: 'order', many: 'orders', updated: 'updated' },
  mapHeader: mapOrderHeader,
  steps: (context) => [
    structureStep(),
    encodingStep(context),
    blankStep(),
    shapeStep(context),
    validationStep(context, 'orders'),
    orderValuesStep(context),
    duplicateOrderStep(context),
  ],
  commit: commitOrders,
};
