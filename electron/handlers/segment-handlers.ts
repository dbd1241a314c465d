import type { Handlers } from '../../shared/contract/contract';
import { deletePersona, listPersonas, savePersona } from '../workspace/personas-repo';
import { segmentOverview } from '../workspace/segment-overview';
import { segmentCounts } from '../services/derived-caches';
import {
  countSegment,
  countWithSample,
  deleteSegment,
  listSegments,
  refreshSegment,
  saveSegment,
  segmentMembers,
} from '../workspace/segments-repo';
import type { HandlerContext } from './context';

export function segmentHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'segments.list'
  | 'segments.save'
  | 'segments.delete'
  | 'segments.count'
  | 'segments.refresh'
  | 'segments.overview'
  | 'segments.members'
  | 'personas.list'
  | 'personas.save'
  | 'personas.delete'
> {
  const db = () => ctx.session.require().db;
  return {
    'segments.list': () => {
      const workspace = db();
      // Every segment counted is a scan of its rule; the Segments view and the studio ask for the list often.
      const counts = segmentCounts.current(workspace);
      return listSegments(workspace, (id) => counts.get(String(id), () => countSegment(workspace, id)));
    },
    'segments.save': (input) => saveSegment(db(), input),
    'segments.delete': ({ id }) => {
      deleteSegment(db(), id);
      return { ok: true as const };
    },
    'segments.count': (input) => countWithSample(db(), input),
    'segments.refresh': ({ id }) => refreshSegment(db(), id),
    'segments.overview': ({ asOf }) => segmentOverview(db(), asOf),
    'segments.members': (input) => segmentMembers(db(), input),
    'personas.list': () => listPersonas(db()),
    'personas.save': (input) => savePersona(db(), input),
    'personas.delete': ({ id }) => {
      deletePersona(db(), id);
      return { ok: true as const };
    },
  };
}
