import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { previewImport } from '../workspace/import/preview';
import { FileProblem } from '../workspace/import/text';
import { displayNameOf } from '../workspace/import/source';
import type { HandlerContext } from './context';

/** The import wizard's calls: a preview of the first rows as an import would read them, and dropping an upload not imported. */
export function importWizardHandlers(ctx: HandlerContext): Pick<Handlers, 'imports.preview' | 'imports.discardUpload'> {
  return {
    'imports.preview': async ({ path: file, displayName, entity, settings, rows }) => {
      const { db } = ctx.session.require();
      const resolved = path.resolve(file);
      if (!fs.existsSync(resolved)) throw new ContractError('bad_file', `${resolved}: file not found. Check the path and try again.`);
      try {
        return await previewImport(db, { file: resolved, name: displayNameOf(resolved, displayName), entity, settings, rows });
      } catch (error) {
        if (error instanceof FileProblem) throw new ContractError('bad_file', error.message);
        throw error;
      }
    },
    'imports.discardUpload': ({ path: file }) => {
      ctx.uploads.discard(path.resolve(file));
      return { ok: true as const };
    },
  };
}
