import { useEffect, useRef, useState } from 'react';
import type { TemplateVariant } from '../../../../shared/contract/authoring-schemas';
import type { PersonaPreview } from '../../../../shared/contract/schemas';
import { errorMessage } from '../../../api/queries';
import { api } from '../../../api/transport';

const DEBOUNCE_MS = 250;

export interface VariantPreview {
  variant: string;
  preview: PersonaPreview | null;
  error: string | null;
}

/**
 * One persona's email in every variant (each variant is one `preview.render`
 * with its name and subject), re-rendered shortly after the source, the
 * variants or `version` (partials, dictionary) change. Stale replies are dropped.
 */
export function useVariantPreviews(source: string | null, variants: readonly TemplateVariant[], personaId: number | null, version: number) {
  const [shown, setShown] = useState<VariantPreview[]>([]);
  const sequence = useRef(0);
  const key = JSON.stringify(variants.map((v) => [v.name, v.subject]));
  useEffect(() => {
    if (source === null || personaId === null) return;
    const id = ++sequence.current;
    const list = JSON.parse(key) as [string, string | null][];
    const timer = window.setTimeout(() => {
      void Promise.all(
        list.map(([name, subject]) =>
          api.call('preview.render', { source, personaIds: [personaId], variant: { name, subject } }).then(
            (result): VariantPreview => ({ variant: name, preview: result.previews[0] ?? null, error: null }),
            (error: unknown): VariantPreview => ({ variant: name, preview: null, error: errorMessage(error) }),
          ),
        ),
      ).then((results) => {
        if (id === sequence.current) setShown(results);
      });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [source, key, personaId, version]);
  return shown;
}
