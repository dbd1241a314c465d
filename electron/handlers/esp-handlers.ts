import type { Handlers, ParsedInput } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { attributeNameProblem } from '../../shared/esp/audience/attribute-names';
import { ESP_NAMES } from '../../shared/esp/esp';
import { computedTokens } from '../services/computed-tokens';
import { audienceColumns, audienceSize, findSegment } from '../services/esp/audience';
import { checkAudienceTarget, ESP_AUDIENCE, exportAudience } from '../services/esp/audience-job';
import { derivedForTemplate, exportForEsp, fieldMapEntries, previewForEsp, templateFieldMap } from '../services/esp/esp-export';
import type { RoundTripPersonaInput } from '../services/esp/round-trip';
import type { Db } from '../workspace/db';
import { saveFieldMap, savedFieldMap } from '../workspace/esp-field-maps-repo';
import { listPersonas } from '../workspace/personas-repo';
import { getTemplate } from '../workspace/templates-repo';
import type { HandlerContext } from './context';
import { personaCustomer } from './template-handlers';

type TemplateRef = NonNullable<ParsedInput<'esp.fieldMap'>['template']>;

const templateOf = (db: Db, ref: TemplateRef): { name: string; source: string } => ('source' in ref ? ref : getTemplate(db, ref.id));

/** Every persona of the workspace with the customer it shows and their scores and segments: who the round trip checks. */
function personaInputs(db: Db): RoundTripPersonaInput[] {
  const targets = listPersonas(db).map((persona) => ({ persona, ...personaCustomer(db, persona) }));
  const computed = computedTokens.tokensForMany(
    db,
    targets.flatMap((target) => (target.customer ? [target.customer.id] : [])),
  );
  return targets.map(({ persona, customer, problem }) => ({
    label: persona.label,
    customer,
    problem,
    computed: customer ? computed.get(customer.id) : undefined,
  }));
}

/** ESP export (issue 10): field maps per workspace, the dialect preview with its round-trip check, export, audiences. */
export function espHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'esp.fieldMap' | 'esp.saveFieldMap' | 'esp.preview' | 'esp.export' | 'esp.audiencePlan' | 'esp.audienceStart'> {
  const db = () => ctx.session.require().db;
  return {
    'esp.fieldMap': async ({ esp, template }) => {
      const entries = template ? await templateFieldMap(db(), esp, templateOf(db(), template).source) : fieldMapEntries(db(), esp);
      return { esp, entries };
    },
    'esp.saveFieldMap': ({ esp, entries }) => {
      for (const { token, attribute } of entries) {
        const problem = attribute === null ? null : attributeNameProblem(esp, attribute);
        if (problem) throw new ContractError('invalid_input', `"${attribute}" cannot name ${token} at ${ESP_NAMES[esp]}: ${problem}.`);
      }
      // Two tokens on one attribute would overwrite each other in the audience CSV: refuse before saving.
      const next: Record<string, string> = { ...savedFieldMap(db(), esp) };
      for (const { token, attribute } of entries) {
        if (attribute === null) delete next[token];
        else next[token] = attribute;
      }
      const owner = new Map<string, string>();
      for (const [token, attribute] of Object.entries(next)) {
        const other = owner.get(attribute.toLowerCase());
        if (other !== undefined)
          throw new ContractError(
            'invalid_input',
            `${other} and ${token} would both be called "${attribute}" at ${ESP_NAMES[esp]}. Give each its own name.`,
          );
        owner.set(attribute.toLowerCase(), token);
      }
      saveFieldMap(db(), esp, entries);
      return { esp, entries: fieldMapEntries(db(), esp) };
    },
    'esp.preview': ({ template, esp, minify }) =>
      previewForEsp(db(), templateOf(db(), template), { esp, minify, personas: personaInputs(db()) }),
    'esp.export': ({ template, esp, dir, folder, replace, minify }) =>
      exportForEsp(db(), templateOf(db(), template), { esp, dir, folder, replace, minify, personas: personaInputs(db()) }),
    'esp.audiencePlan': async ({ segment, esp, template }) => {
      const found = findSegment(db(), segment);
      const derived = template ? await derivedForTemplate(db(), templateOf(db(), template), esp) : [];
      return { esp, segment: found, columns: audienceColumns(db(), esp, derived).columns, rows: audienceSize(db(), found.id) };
    },
    'esp.audienceStart': ({ segment, esp, template, out, replace }) => {
      const workspace = db();
      const found = findSegment(workspace, segment);
      checkAudienceTarget(workspace, out, replace);
      // Read now: the job exports the template as it is when asked, even if it is edited meanwhile.
      const source = template ? templateOf(workspace, template) : null;
      const job = ctx.jobs.start(ESP_AUDIENCE, (control) =>
        exportAudience(
          workspace,
          {
            segment: found,
            esp,
            derived: async () => (source ? derivedForTemplate(workspace, source, esp) : []),
            target: out,
            replace,
          },
          control,
        ),
      );
      return { jobId: job.id };
    },
  };
}
