import { useEffect, useRef, useState } from 'react';
import type { PreviewResult } from '../../../shared/contract/schemas';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

const DEBOUNCE_MS = 180;

interface Rendered {
  /** What the result was rendered for, so `pending` can be derived rather than tracked. */
  key: string;
  result: PreviewResult | null;
  error: string | null;
}

/**
 * Persona previews for the text in the editor, re-rendered shortly after each
 * change. Replies that arrive out of order are dropped, so a slow compile
 * never overwrites a newer preview.
 */
export function usePreviews(source: string | null, personasVersion: number) {
  const [rendered, setRendered] = useState<Rendered>({ key: '', result: null, error: null });
  const sequence = useRef(0);
  const key = `${personasVersion}:${source ?? ''}`;

  useEffect(() => {
    if (source === null) return;
    const id = ++sequence.current;
    const timer = window.setTimeout(() => {
      api.call('preview.render', { source }).then(
        (result) => {
          if (id === sequence.current) setRendered({ key, result, error: null });
        },
        (cause: unknown) => {
          if (id === sequence.current) setRendered((current) => ({ ...current, key, error: errorMessage(cause) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [source, key]);

  return { result: rendered.result, error: rendered.error, pending: source !== null && rendered.key !== key };
}
