import type { Handlers } from '../../shared/contract/contract';
import type { HandlerContext } from './context';
import { auditHandlers } from './audit-handlers';
import { dataHandlers } from './data-handlers';
import { importWizardHandlers } from './import-wizard-handlers';
import { dedupHandlers } from './dedup-handlers';
import { fieldHandlers } from './field-handlers';
import { segmentHandlers } from './segment-handlers';
import { templateHandlers } from './template-handlers';
import { templateHistoryHandlers } from './template-history-handlers';
import { validationHandlers } from './validation-handlers';
import { workspaceHandlers } from './workspace-handlers';
import { importHistoryHandlers } from './import-history-handlers';
import { tokenHandlers } from './token-handlers';
import { rfmHandlers } from './rfm-handlers';
import { predictionHandlers } from './prediction-handlers';
import { intentHandlers } from './intent-handlers';
import { clustersHandlers } from './clusters-handlers';
import { vocabularyHandlers } from './vocabulary-handlers';
import { espHandlers } from './esp-handlers';
import { lintHandlers } from './lint-handlers';
import { proofsHandlers } from './proofs-handlers';
import { studioHandlers } from './studio-handlers';
import { authoringHandlers } from './authoring-handlers';
import { qaHandlers } from './qa-handlers';

export type { HandlerContext, HostKind } from './context';

/** The one implementation of the contract, shared by every host. */
export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...workspaceHandlers(ctx),
    ...dataHandlers(ctx),
    ...templateHandlers(ctx),
    ...segmentHandlers(ctx),
    ...templateHistoryHandlers(ctx),
    ...importWizardHandlers(ctx),
    ...validationHandlers(ctx),
    ...importHistoryHandlers(ctx),
    ...auditHandlers(ctx),
    ...dedupHandlers(ctx),
    ...fieldHandlers(ctx),
    ...tokenHandlers(ctx),
    ...rfmHandlers(ctx),
    ...predictionHandlers(ctx),
    ...intentHandlers(ctx),
    ...clustersHandlers(ctx),
    ...vocabularyHandlers(ctx),
    ...espHandlers(ctx),
    ...lintHandlers(ctx),
    ...proofsHandlers(ctx),
    ...studioHandlers(ctx),
    ...authoringHandlers(ctx),
    ...qaHandlers(ctx),
  };
}
