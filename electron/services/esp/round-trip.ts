import type { RoundTripReport } from '../../../shared/contract/esp-schemas';
import type { DialectAttribute, EspId } from '../../../shared/esp/esp';
import type { FieldCatalogue } from '../../../shared/fields/catalogue';
import { runOnOwnThread } from '../own-thread';
import { EXPORT_BUDGET_MS, renderMany, type WorkspaceRenderInputs } from '../render/service';
import type { RoundTripPersonaInput } from './round-trip-compare';
import type { FinishExportTask } from './worker';

export type { RoundTripPersonaInput } from './round-trip-compare';

/**
 * Finishes an export off the services thread and checks it: Tailor renders
 * every persona as usual (the render pool), then a thread of its own minifies
 * the converted HTML when asked and runs the round-trip comparison
 * (`compareRoundTrip`) on exactly that HTML.
 */
export async function finishAndCheck(options: {
  esp: EspId;
  /** The template source Tailor renders (MJML + Liquid). */
  template: string;
  /** The email in the ESP's language, as converted. */
  converted: string;
  minify: boolean;
  fieldMap: Readonly<Record<string, string>>;
  derived?: readonly DialectAttribute[];
  personas: readonly RoundTripPersonaInput[];
  fields: FieldCatalogue;
  /** The workspace's partials and dictionary: Tailor's side renders the template as previews do. */
  inputs?: WorkspaceRenderInputs;
}): Promise<{ source: string; report: RoundTripReport }> {
  const { personas } = options;
  const { rendered } = await renderMany(
    options.template,
    personas.map((persona) => persona.customer),
    {
      ms: EXPORT_BUDGET_MS,
      fields: options.fields,
      computed: (customer) => personas.find((p) => p.customer === customer)?.computed,
      ...(options.inputs ? { inputs: options.inputs } : {}),
    },
  );
  const task: Omit<FinishExportTask, 'port'> = {
    esp: options.esp,
    source: options.converted,
    minify: options.minify,
    fieldMap: options.fieldMap,
    derived: options.derived ? [...options.derived] : [],
    personas,
    rendered: rendered.map((email) => (email ? { html: email.html, problem: email.problem ?? null } : null)),
    fields: options.fields,
  };
  const run = await runOnOwnThread<{ source: string; report: RoundTripReport }>(__filename, 'finishExportTask', task);
  if (run.cancelled) throw new Error('The export check was stopped.');
  return run.result;
}
