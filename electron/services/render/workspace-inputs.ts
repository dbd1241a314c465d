import type { Db } from '../../workspace/db';
import { partialSources } from '../../workspace/partials-repo';
import { readDictionary } from '../../workspace/token-dictionary-repo';
import type { WorkspaceRenderInputs } from './service';

/**
 * What the workspace adds to every render of its templates: its partials and
 * token dictionary. Previews, exports, ESP exports, QA and proofs all read a
 * template through these, so it means the same wherever it goes.
 */
export const workspaceRenderInputs = (db: Db | null): WorkspaceRenderInputs =>
  db ? { partials: partialSources(db), dictionary: readDictionary(db) } : {};
