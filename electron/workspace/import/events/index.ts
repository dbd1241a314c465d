import type { ImportEntity } from '../pipeline';
import { blankStep, encodingStep, shapeStep, structureStep } from '../steps';
import { validationStep } from '../validation/validation-step';
import { commitEvents } from './committer';
import { mapEventHeader } from './header';
import { eventValuesStep, type StagedEvent } from './steps';

/** Events: what customers did (views, carts, purchases, email opens and clicks), de-duplicated by content. */
export const eventsEntity: ImportEntity<StagedEvent> = {
  kind: 'events',
  wording: { one: 'event', many: 'events', updated: 'already in the workspace' },
  mapHeader: mapEventHeader,
  steps: (context) => [
    structureStep(),
    encodingStep(context),
    blankStep(),
    shapeStep(context),
    validationStep(context, 'events'),
    eventValuesStep(context),
  ],
  commit: commitEvents,
};
