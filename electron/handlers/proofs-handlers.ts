import type { Handlers } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { computedTokens } from '../services/computed-tokens';
import { PROOFS_RUN } from '../services/jobs';
import { capturerFor } from '../services/proofs/capturer-for-host';
import { ProofImages } from '../services/proofs/proof-images';
import { runProofs } from '../services/proofs/run-proofs';
import { workspaceRenderInputs } from '../services/render/workspace-inputs';
import { fieldCatalogue } from '../workspace/customers-repo';
import { listPersonas } from '../workspace/personas-repo';
import { getTemplate } from '../workspace/templates-repo';
import type { HandlerContext } from './context';
import { personaCustomer } from './template-handlers';

export function proofsHandlers(ctx: HandlerContext): Pick<Handlers, 'proofs.start' | 'proofs.image'> {
  const images = new ProofImages();
  return {
    'proofs.start': ({ template, dir }) => {
      const { db } = ctx.session.require();
      const { name, source } = 'source' in template ? template : getTemplate(db, template.id);
      // Who each persona is, read now: the job then renders what the studio showed when it started.
      const targets = listPersonas(db).map((persona) => {
        const { customer, problem } = personaCustomer(db, persona);
        return { label: persona.label, customer, problem, computed: customer ? computedTokens.tokensFor(db, customer.id) : undefined };
      });
      if (targets.length === 0)
        throw new ContractError('invalid_input', 'There are no personas to proof. Add a persona in the studio first.');
      const fields = fieldCatalogue(db);
      const inputs = workspaceRenderInputs(db);
      // The job's id is known once start returns, which is before the run gets past its first await.
      let jobId = '';
      const job = ctx.jobs.start(PROOFS_RUN, async (control) => {
        const run = await runProofs({ name, source, dir, targets, fields, inputs, capturer: capturerFor(ctx.host), control });
        images.keep(jobId, run.images);
        return run.outcome;
      });
      jobId = job.id;
      return { jobId };
    },
    'proofs.image': ({ jobId, name }) => ({ dataUrl: images.dataUrl(jobId, name) }),
  };
}
