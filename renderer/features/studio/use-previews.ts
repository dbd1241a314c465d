import { useEffect, useRef, useState } from 'react';
import type { PreviewResult } from '../../../shared/contract/schemas';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

const DEBOUNCE_MS = 180;

/**
 * Persona previews for the text in the editor, re-rendered shortly after each
 * change. Replies that arrive out of order are dropped, so a slow compile
 * never overwrites a newer preview.
 */
export function usePreviews(source: string | null, personasVersion: number) {
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const sequence = useRef(0);

  useEffect(() => {
    if (source === null) return;
    const id = ++sequence.current;
    setPending(true);
    const timer = window.setTimeout(() => {
      api
        .call('preview.render', { source })
        .then((next) => {
          if (id !== sequence.current) return;
          setResult(next);
          setError(null);
        })
        .catch((cause: unknown) => {
          if (id === sequence.current) setError(errorMessage(cause));
        })
        .finally(() => {
          if (id === sequence.current) setPending(false);
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [source, personasVersion]);

  return { result, error, pending };
}
