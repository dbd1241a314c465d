import type { Handlers } from '../../shared/contract/contract';
import { undoInWorker } from '../workspace/import/undo/run-in-worker';
import type { HandlerContext } from './context';

/** What the import history can do beyond listing: undo the last import. */
export function importHistoryHandlers(ctx: HandlerContext): Pick<Handlers, 'imports.undo'> {
  return {
    // On a worker: a large import's undo takes seconds, and this thread serves every other call meanwhile.
    'imports.undo': ({ importId }) => undoInWorker(ctx.session.require().db, importId),
  };
}
