import type { Handlers } from '../../shared/contract/contract';
import { deletePersona, listPersonas, savePersona } from '../workspace/personas-repo';
import { countMatching, deleteSegment, listSegments, saveSegment } from '../workspace/segments-repo';
import type { HandlerContext } from './context';

export function segmentHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  'segments.list' | 'segments.save' | 'segments.delete' | 'segments.count' | 'personas.list' | 'personas.save' | 'personas.delete'
> {
  const db = () => ctx.session.require().db;
  return {
    'segments.list': () => listSegments(db()),
    'segments.save': (input) => saveSegment(db(), input),
    'segments.delete': ({ id }) => {
      deleteSegment(db(), id);
      return { ok: true as const };
    },
    'segments.count': ({ rule }) => ({ count: countMatching(db(), rule) }),
    'personas.list': () => listPersonas(db()),
    'personas.save': (input) => savePersona(db(), input),
    'personas.delete': ({ id }) => {
      deletePersona(db(), id);
      return { ok: true as const };
    },
  };
}
