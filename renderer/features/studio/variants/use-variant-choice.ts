import { useCallback, useMemo, useState } from 'react';
import type { TemplateVariant } from '../../../../shared/contract/authoring-schemas';
import { useApi } from '../../../api/queries';

/** What `preview.render` is told about the variant to render. */
export type PreviewVariant = Pick<TemplateVariant, 'name' | 'subject'>;

/** "All": every variant side by side for one persona. Not a possible variant name (letters, digits, _ and -). */
export const ALL_VARIANTS = '*';
/** A variant's name, or `ALL_VARIANTS`. */
export type VariantPick = string;

export interface VariantChoice {
  /** The template's variants; empty when it is not an A/B test. */
  variants: readonly TemplateVariant[];
  /** The variant the previews show, or "all"; null when there are no variants. */
  chosen: VariantPick | null;
  choose: (pick: VariantPick) => void;
  /** What the persona previews render: the chosen variant (the first one under "All", for the persona strip and menus). */
  rendered: PreviewVariant | undefined;
}

/**
 * The variant the preview pane shows for the open template: remembered per
 * template while the studio is open, the first variant until one is picked,
 * and back to the first when the picked one is renamed or removed.
 */
export function useVariantChoice(templateId: number | null): VariantChoice {
  const stored = useApi('templates.variants', { id: templateId ?? 0 }, { enabled: templateId !== null });
  const variants = useMemo(() => (templateId === null ? [] : (stored.data ?? [])), [templateId, stored.data]);
  const [picks, setPicks] = useState<ReadonlyMap<number, VariantPick>>(new Map());
  const picked = templateId === null ? undefined : picks.get(templateId);
  const chosen =
    variants.length === 0 ? null : picked === ALL_VARIANTS || variants.some((v) => v.name === picked) ? picked! : variants[0]!.name;
  const choose = useCallback(
    (pick: VariantPick) => {
      if (templateId !== null) setPicks((current) => new Map(current).set(templateId, pick));
    },
    [templateId],
  );
  const shown = chosen === null ? undefined : (variants.find((v) => v.name === chosen) ?? variants[0]);
  const name = shown?.name;
  const subject = shown?.subject;
  // A stable object while the variant is the same, so the previews do not re-render for nothing.
  const rendered = useMemo(() => (name === undefined ? undefined : { name, subject: subject ?? null }), [name, subject]);
  return useMemo(() => ({ variants, chosen, choose, rendered }), [variants, chosen, choose, rendered]);
}
