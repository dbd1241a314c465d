import { useEffect, useRef, useState } from 'react';
import type { SegmentRule } from '../../../shared/segments/rule';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

/** Member count of a rule being edited, refreshed shortly after each change; stale replies are dropped. */
export function useLiveCount(rule: SegmentRule) {
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);
  const key = JSON.stringify(rule);

  useEffect(() => {
    const id = ++sequence.current;
    const timer = window.setTimeout(() => {
      api.call('segments.count', { rule: JSON.parse(key) as SegmentRule }).then(
        (result) => {
          if (id !== sequence.current) return;
          setCount(result.count);
          setError(null);
        },
        (cause: unknown) => {
          if (id !== sequence.current) return;
          setCount(null);
          setError(errorMessage(cause));
        },
      );
    }, 150);
    return () => window.clearTimeout(timer);
  }, [key]);

  return { count, error };
}
