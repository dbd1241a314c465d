import type { RoundTripReport } from '../../../shared/contract/esp-schemas';
import type { Customer } from '../../../shared/contract/schemas';
import { contactProfile } from '../../../shared/esp/audience/audience-row';
import { DerivedValues } from '../../../shared/esp/audience/derived-values';
import type { DialectAttribute, EspId } from '../../../shared/esp/esp';
import { evaluateDialect, RoundTripUnsupported } from '../../../shared/esp/roundtrip/evaluate';
import { differingLines } from '../../../shared/esp/roundtrip/text-diff';
import type { FieldCatalogue } from '../../../shared/fields/catalogue';
import { type ComputedTokens, withComputedTokens } from '../../../shared/templates/computed-tokens';
import { customerContext } from '../../../shared/templates/customer-context';
import { catalogueReader } from '../../../shared/templates/typed-fields';
import { EXPORT_BUDGET_MS, renderMany } from '../render/service';
import { visibleLines } from './visible-text';

export interface RoundTripPersonaInput {
  label: string;
  customer: Customer | null;
  /** Why there is nobody to check (a segment with no members). */
  problem?: string | null;
  computed?: ComputedTokens | undefined;
}

/**
 * The round-trip check: for every persona, Tailor renders the template as
 * usual, the exported dialect is evaluated by the small evaluator of that
 * ESP for the same person as an ESP contact (the audience row: every token
 * under its attribute name, and the derived values the export asks for), and the visible texts are compared. Whatever
 * differs is listed; so is a construct the evaluator does not read.
 */
export async function roundTrip(options: {
  esp: EspId;
  /** The template source Tailor renders (MJML + Liquid). */
  source: string;
  /** The exported email in the ESP's language. */
  exported: string;
  fieldMap: Readonly<Record<string, string>>;
  /** Derived attributes of the export (`DialectOutput.attributes`): each contact carries them as the audience CSV would. */
  derived?: readonly DialectAttribute[];
  personas: readonly RoundTripPersonaInput[];
  fields: FieldCatalogue;
}): Promise<RoundTripReport> {
  const { esp, fieldMap, personas, fields } = options;
  const { rendered } = await renderMany(
    options.source,
    personas.map((persona) => persona.customer),
    { ms: EXPORT_BUDGET_MS, fields, computed: (customer) => personas.find((p) => p.customer === customer)?.computed },
  );
  const derived = new DerivedValues(options.derived ?? []);
  const results = personas.map((persona, index) => {
    const base = { label: persona.label, customerId: persona.customer?.id ?? null };
    const tailor = rendered[index];
    if (!persona.customer || !tailor)
      return { ...base, ok: false, differences: [], problem: persona.problem ?? 'This persona shows nobody.' };
    if (tailor.html === null)
      return { ...base, ok: false, differences: [], problem: `Tailor could not render it: ${tailor.problem ?? ''}` };
    const context = withComputedTokens(
      customerContext(persona.customer, catalogueReader(fields, persona.customer.typed)),
      persona.computed,
    );
    let html: string;
    try {
      html = evaluateDialect(esp, options.exported, contactProfile(esp, context, fieldMap, derived));
    } catch (error) {
      if (!(error instanceof RoundTripUnsupported)) throw error;
      return { ...base, ok: false, differences: [], problem: error.message };
    }
    const differences = differingLines(visibleLines(tailor.html), visibleLines(html));
    return { ...base, ok: differences.length === 0, differences, problem: null };
  });
  return { esp, ok: results.every((result) => result.ok), personas: results };
}
