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
import { visibleLines } from './visible-text';

export interface RoundTripPersonaInput {
  label: string;
  customer: Customer | null;
  /** Why there is nobody to check (a segment with no members). */
  problem?: string | null;
  computed?: ComputedTokens | undefined;
}

/** What Tailor rendered for a persona (null when there was nobody to render). */
export type TailorRender = { html: string | null; problem?: string | null } | null;

export interface RoundTripInput {
  esp: EspId;
  /** The exported email in the ESP's language. */
  exported: string;
  fieldMap: Readonly<Record<string, string>>;
  /** Derived attributes of the export (`DialectOutput.attributes`): each contact carries them as the audience CSV would. */
  derived?: readonly DialectAttribute[];
  personas: readonly RoundTripPersonaInput[];
  /** Tailor's own render of each persona, in the same order. */
  rendered: readonly TailorRender[];
  fields: FieldCatalogue;
}

/**
 * The comparison half of the round-trip check, per persona: the exported
 * dialect is evaluated by the small evaluator of that ESP for the same person
 * as an ESP contact (the audience row: every token under its attribute name,
 * and the derived values the export asks for), and its visible text is
 * compared with Tailor's render. Whatever differs is listed; so is a construct
 * the evaluator does not read. Pure, so it runs on any thread.
 */
export function compareRoundTrip(input: RoundTripInput): RoundTripReport {
  const { esp, fieldMap, personas, fields } = input;
  const derived = new DerivedValues(input.derived ?? []);
  const results = personas.map((persona, index) => {
    const base = { label: persona.label, customerId: persona.customer?.id ?? null };
    const tailor = input.rendered[index];
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
      html = evaluateDialect(esp, input.exported, contactProfile(esp, context, fieldMap, derived));
    } catch (error) {
      if (!(error instanceof RoundTripUnsupported)) throw error;
      return { ...base, ok: false, differences: [], problem: error.message };
    }
    const differences = differingLines(visibleLines(tailor.html), visibleLines(html));
    return { ...base, ok: differences.length === 0, differences, problem: null };
  });
  return { esp, ok: results.every((result) => result.ok), personas: results };
}
