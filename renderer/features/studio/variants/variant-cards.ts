import type { TemplateVariant } from '../../../../shared/contract/authoring-schemas';
import type { PaneCard } from '../previews/compare-inputs';
import type { ShownPreview } from '../use-previews';
import type { VariantPreview } from './use-variant-previews';

/**
 * Under "All", the pane's cards: one persona's email in each variant,
 * labelled with the variant and its split. A variant that failed to render
 * is a card with its problem, so no variant silently disappears.
 */
export function variantCards(results: readonly VariantPreview[], persona: ShownPreview, variants: readonly TemplateVariant[]): PaneCard[] {
  return results.map(({ variant, preview, error }) => {
    const split = variants.find((v) => v.name === variant)?.split;
    const base: ShownPreview = preview
      ? { ...preview, stale: false }
      : { ...persona, html: null, stale: false, problem: error ?? `Variant ${variant} did not render.` };
    // The strip above names the persona and each card its customer: the label says which variant.
    const label = `Variant ${variant}${split === undefined ? '' : ` · ${split}%`}`;
    return { key: `variant:${variant}`, preview: { ...base, label } };
  });
}
