import type { Handlers } from '../../shared/contract/contract';
import { undoImport } from '../workspace/import/undo/undo-import';
import type { HandlerContext } from './context';

/** What the import history can do beyond listing: undo the last import. */
export function importHistoryHandlers(ctx: HandlerContext): Pick<Handlers, 'imports.undo'> {
  return {
    'imports.undo': ({ importId }) => undoImport(ctx.session.require().db, importId),
  };
}
