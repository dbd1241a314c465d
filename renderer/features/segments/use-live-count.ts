import { useEffect, useRef, useState } from 'react';
import type { Customer } from '../../../shared/contract/schemas';
import type { SegmentRule } from '../../../shared/segments/rule';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

const SAMPLE_SIZE = 5;

/** Member count and first members of a rule being edited, refreshed shortly after each change; stale replies are dropped. */
export function useLiveCount(rule: SegmentRule) {
  const [count, setCount] = useState<number | null>(null);
  const [sample, setSample] = useState<Customer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);
  const key = JSON.stringify(rule);

  useEffect(() => {
    const id = ++sequence.current;
    const timer = window.setTimeout(() => {
      api.call('customers.list', { rule: JSON.parse(key) as SegmentRule, limit: SAMPLE_SIZE }).then(
        (result) => {
          if (id !== sequence.current) return;
          setCount(result.total);
          setSample(result.rows);
          setError(null);
        },
        (cause: unknown) => {
          if (id !== sequence.current) return;
          setCount(null);
          setSample([]);
          setError(errorMessage(cause));
        },
      );
    }, 150);
    return () => window.clearTimeout(timer);
  }, [key]);

  return { count, sample, error };
}
