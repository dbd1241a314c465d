import type { Handlers } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { dictionaryEntryProblem } from '../../shared/templates/token-dictionary';
import { deletePartial, listPartials, savePartial } from '../workspace/partials-repo';
import { readVariants, saveVariants } from '../workspace/template-variants-repo';
import { saveDictionary } from '../workspace/token-dictionary-repo';
import type { HandlerContext } from './context';

/** Partials, the token dictionary's editor and a template's A/B variants. */
export function authoringHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  'partials.list' | 'partials.save' | 'partials.delete' | 'tokens.saveDictionary' | 'templates.variants' | 'templates.saveVariants'
> {
  const db = () => ctx.session.require().db;
  return {
    'partials.list': () => listPartials(db()),
    'partials.save': (input) => savePartial(db(), input),
    'partials.delete': ({ id }) => {
      deletePartial(db(), id);
      return { ok: true as const };
    },
    'tokens.saveDictionary': ({ entries }) => {
      for (const entry of entries) {
        const problem = dictionaryEntryProblem(entry);
        if (problem) throw new ContractError('invalid_input', problem);
      }
      return saveDictionary(db(), entries);
    },
    'templates.variants': ({ id }) => readVariants(db(), id),
    'templates.saveVariants': ({ id, variants }) => saveVariants(db(), id, variants),
  };
}
