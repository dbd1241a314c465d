import type { ActivityVocabulary } from '../../shared/contract/schemas';
import type { SegmentCount } from '../workspace/segments-repo';
import { customersStamp, scoresStamp, segmentDataStamp } from './segment-members';
import { StampedCache } from './stamped-cache';

/*
 * The app's caches of answers that scan a large table, each keyed on the
 * stamp of the data it comes from. Shared by every host, like the one
 * workspace connection they key on.
 */

/** segments.list: each segment's count, until a customer, segment, score or today's date changes. */
export const segmentCounts = new StampedCache<SegmentCount>(segmentDataStamp);

/** segments.vocabulary: orders and events change only through imports and their undo (which `customersStamp` reads). */
export const activityNames = new StampedCache<ActivityVocabulary>(customersStamp);

/** tokens.computed / tokens.customer: the labels each label score holds, until a run, a rename or a customer change. */
export const scoreLabelSets = new StampedCache<string[]>(scoresStamp);
