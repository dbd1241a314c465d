import type { Handlers } from '../../shared/contract/contract';
import { activityNames } from '../services/derived-caches';
import { activityVocabulary } from '../workspace/activity-vocabulary';
import type { HandlerContext } from './context';

/** The rule builder's pickers: names read from the workspace's orders and events. */
export function vocabularyHandlers(ctx: HandlerContext): Pick<Handlers, 'segments.vocabulary'> {
  return {
    'segments.vocabulary': () => {
      const { db } = ctx.session.require();
      return activityNames.get(db, 'all', () => activityVocabulary(db));
    },
  };
}
