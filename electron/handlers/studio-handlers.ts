import type { Handlers } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { displayName } from '../../shared/templates/customer-context';
import { templateFormat } from '../../shared/templates/template-format';
import { standaloneLiquid } from '../../shared/templates/standalone-liquid';
import { compileForExport, finishForExport } from '../services/render/service';
import { workspaceRenderInputs } from '../services/render/workspace-inputs';
import { hasErrors } from '../services/template-compiler';
import { findCustomer } from '../workspace/customers-repo';
import { searchCustomers } from '../workspace/personas/customer-search';
import { stepMember } from '../workspace/personas/segment-step';
import { getPersona, setPersonaMember } from '../workspace/personas-repo';
import { segmentFilter } from '../workspace/segments-repo';
import type { HandlerContext } from './context';

/** The studio's pickers and panes: customer search for personas, stepping through a segment, the compiled HTML. */
export function studioHandlers(ctx: HandlerContext): Pick<Handlers, 'customers.search' | 'personas.step' | 'templates.compiled'> {
  const db = () => ctx.session.require().db;
  return {
    'customers.search': ({ query, limit }) => searchCustomers(db(), query, limit),

    'personas.step': ({ id, direction }) => {
      const persona = getPersona(db(), id);
      if (persona.source.kind !== 'segment') {
        throw new ContractError(
          'invalid_input',
          `Persona "${persona.label}" is one specific customer; only segment personas have other members.`,
        );
      }
      const step = stepMember(db(), segmentFilter(db(), persona.source.segmentId), persona.source.memberId ?? null, direction);
      if (!step) return { persona, member: null };
      const customer = findCustomer(db(), step.id);
      return {
        persona: setPersonaMember(db(), id, step.id),
        member: { id: step.id, displayName: customer ? displayName(customer) : step.id, position: step.position, count: step.count },
      };
    },

    'templates.compiled': async ({ source }) => {
      const inputs = workspaceRenderInputs(ctx.session.get()?.db ?? null);
      const compiled = await compileForExport(source, inputs.partials);
      const diagnostics = [...compiled.diagnostics];
      if (compiled.html === null || hasErrors(diagnostics)) return { format: templateFormat(source), html: null, bytes: 0, diagnostics };
      // As export writes it: partials inlined, dictionary tokens as their fields.
      const standalone = standaloneLiquid(compiled.html, inputs.partials ?? {}, inputs.dictionary ?? []);
      const { html } = await finishForExport(standalone.html, { text: false });
      return { format: templateFormat(source), html, bytes: Buffer.byteLength(html, 'utf8'), diagnostics };
    },
  };
}
