import { useEffect, useMemo, useRef, useState } from 'react';
import type { PersonaPreview, PreviewResult } from '../../../shared/contract/schemas';
import type { PreviewVariant } from './variants/use-variant-choice';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

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

interface Request {
  source: string;
  key: string;
  templateId: number | null;
  personasVersion: number;
  variant: PreviewVariant | undefined;
  variantKey: string;
}

/**
 * Persona previews for the text in the editor, re-rendered as it changes: at
 * once when no render is under way, otherwise as soon as the one under way
 * answers, for the latest text (the keystrokes typed meanwhile share one
 * render). So previews follow typing at the pace the host renders, with no
 * debounce to wait out, and never more than one render is queued. An answer
 * for another template or another set of personas is dropped.
 */
export function usePreviews(source: string | null, personasVersion: number, templateId: number | null, variant?: PreviewVariant) {
  const [rendered, setRendered] = useState<Rendered>({ key: '', result: null, error: null, lastGood: new Map() });
  const latest = useRef<Request | null>(null);
  const inFlight = useRef(false);
  // The variant by value (name and subject), so a new object for the same variant does not re-render.
  const variantName = variant?.name;
  const variantSubject = variant?.subject ?? null;
  const variantKey = JSON.stringify(variant === undefined ? null : [variantName, variantSubject]);
  const key = `${personasVersion}:${variantKey}:${source ?? ''}`;

  const send = useRef(() => {
    const request = latest.current;
    if (inFlight.current || request === null) return;
    inFlight.current = true;
    const { source: text, templateId: id, variant: chosen } = request;
    const current = () =>
      latest.current?.templateId === id &&
      latest.current.personasVersion === request.personasVersion &&
      latest.current.variantKey === request.variantKey;
    void api
      .call('preview.render', { source: text, variant: chosen })
      .then(
        (result) => {
          if (!current()) return;
          setRendered((shown) => {
            const lastGood = new Map(shown.lastGood);
            for (const preview of result.previews) if (preview.html !== null) lastGood.set(`${id}:${preview.personaId}`, preview.html);
            return { key: request.key, result, error: null, lastGood };
          });
        },
        (cause: unknown) => {
          if (current()) setRendered((shown) => ({ ...shown, key: request.key, error: errorMessage(cause) }));
        },
      )
      .finally(() => {
        inFlight.current = false;
        if (latest.current !== request) send.current();
      });
  });

  useEffect(() => {
    // No text (another template opening): whatever is under way answers for nothing shown.
    const chosen = variantName === undefined ? undefined : { name: variantName, subject: variantSubject };
    latest.current = source === null ? null : { source, key, templateId, personasVersion, variant: chosen, variantKey };
    send.current();
  }, [source, key, templateId, personasVersion, variantName, variantSubject, variantKey]);

  // Mid-edit a template is often briefly invalid (an `{% if %}` typed before its `{% endif %}`): keep the
  // last good rendering on screen with the problem over it, rather than swapping every card for an error.
  // The same array while no new result arrives: keystrokes re-render the studio, not what derives from previews.
  const previews: ShownPreview[] = useMemo(
    () =>
      (rendered.result?.previews ?? []).map((preview) => {
        const fallback =
          preview.html === null && preview.customer ? rendered.lastGood.get(`${templateId}:${preview.personaId}`) : undefined;
        return fallback === undefined ? { ...preview, stale: false } : { ...preview, html: fallback, stale: true };
      }),
    [rendered, templateId],
  );

  return { result: rendered.result, previews, error: rendered.error, pending: source !== null && rendered.key !== key };
}
