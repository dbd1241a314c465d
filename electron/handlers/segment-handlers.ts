import { ContractError } from '../../shared/contract/envelope';
import type { Handlers } from '../../shared/contract/contract';
import { deletePersona, listPersonas, savePersona } from '../workspace/personas-repo';
import { countMatching, deleteSegment, listSegments, saveSegment } from '../workspace/segments-repo';
import type { HandlerContext } from './context';

// Placeholders until the segment engine lands (issue 7).
const notYet = (): never => {
  throw new ContractError('invalid_input', 'Not available in this build yet.');
};

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
    'segments.list': () => listSegments(db()),
    'segments.save': (input) => saveSegment(db(), input),
    'segments.delete': ({ id }) => {
      deleteSegment(db(), id);
      return { ok: true as const };
    },
    'segments.count': ({ rule }) => ({ count: countMatching(db(), rule), sample: [] }),
    'segments.refresh': () => notYet(),
    'segments.overview': () => notYet(),
    'segments.members': () => notYet(),
    'personas.list': () => listPersonas(db()),
    'personas.save': (input) => savePersona(db(), input),
    'personas.delete': ({ id }) => {
      deletePersona(db(), id);
      return { ok: true as const };
    },
  };
}
