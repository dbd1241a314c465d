import type { Handlers } from '../../shared/contract/contract';
import { activityVocabulary } from '../workspace/activity-vocabulary';
import type { HandlerContext } from './context';

/** The rule builder's pickers: names read from the workspace's orders and events. */
export function vocabularyHandlers(ctx: HandlerContext): Pick<Handlers, 'segments.vocabulary'> {
  return {
    'segments.vocabulary': () => activityVocabulary(ctx.session.require().db),
  };
}
