import { useEffect, useRef, useState } from 'react';
import type { PersonaPreview, PreviewResult } from '../../../shared/contract/schemas';
import type { PreviewVariant } from './variants/use-variant-choice';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

const DEBOUNCE_MS = 180;

interface Rendered {
  /** What the result was rendered for, so `pending` can be derived rather than tracked. */
  key: string;
  result: PreviewResult | null;
  error: string | null;
  /** The last HTML that rendered, per template and persona, shown (dimmed) while the template is broken. */
  lastGood: Map<string, string>;
}

export type ShownPreview = PersonaPreview & {
  /** The HTML is the last version that rendered; `problem` says why the current one does not. */
  stale: boolean;
};

/**
 * Persona previews for the text in the editor, re-rendered shortly after each
 * change. Replies that arrive out of order are dropped, so a slow compile
 * never overwrites a newer preview.
 */
export function usePreviews(source: string | null, personasVersion: number, templateId: number | null, variant?: PreviewVariant) {
  const [rendered, setRendered] = useState<Rendered>({ key: '', result: null, error: null, lastGood: new Map() });
  const sequence = useRef(0);
  const key = `${personasVersion}:${JSON.stringify(variant ?? null)}:${source ?? ''}`;

  useEffect(() => {
    if (source === null) return;
    const id = ++sequence.current;
    const timer = window.setTimeout(() => {
      api.call('preview.render', { source, variant }).then(
        (result) => {
          if (id !== sequence.current) return;
          setRendered((current) => {
            const lastGood = new Map(current.lastGood);
            for (const preview of result.previews)
              if (preview.html !== null) lastGood.set(`${templateId}:${preview.personaId}`, preview.html);
            return { key, result, error: null, lastGood };
          });
        },
        (cause: unknown) => {
          if (id === sequence.current) setRendered((current) => ({ ...current, key, error: errorMessage(cause) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [source, key, templateId, variant]);

  // Mid-edit a template is often briefly invalid (an `{% if %}` typed before its `{% endif %}`): keep the
  // last good rendering on screen with the problem over it, rather than swapping every card for an error.
  const previews: ShownPreview[] = (rendered.result?.previews ?? []).map((preview) => {
    const fallback = preview.html === null && preview.customer ? rendered.lastGood.get(`${templateId}:${preview.personaId}`) : undefined;
    return fallback === undefined ? { ...preview, stale: false } : { ...preview, html: fallback, stale: true };
  });

  return { result: rendered.result, previews, error: rendered.error, pending: source !== null && rendered.key !== key };
}
