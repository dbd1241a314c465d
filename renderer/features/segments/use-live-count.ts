import { useEffect, useRef, useState } from 'react';
import type { Customer } from '../../../shared/contract/schemas';
import type { RuleTree } from '../../../shared/segments/rule-tree';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

const SAMPLE_SIZE = 5;
/** Wait this long after the last edit before asking: typing "1000" asks once, not four times. */
const DEBOUNCE_MS = 250;
/** Only say "counting…" when an answer takes noticeably long, so quick counts never flash a label. */
const COUNTING_AFTER_MS = 300;

export interface LiveCountRequest {
  rule: RuleTree;
  asOf: string | null;
  /** The segment being edited, so the engine can refuse a rule that refers back to it. */
  segmentId: number | undefined;
  /** False while a condition is invalid: nothing is sent and the last answer stays, marked stale. */
  enabled: boolean;
}

export interface LiveCount {
  /** The last answered count; kept while a new one is on its way, so the number never flickers. */
  count: number | null;
  sample: Customer[];
  /** The engine's refusal (a cycle, an unknown field), shown in place of the count. */
  error: string | null;
  /** A count has been on its way for more than COUNTING_AFTER_MS. */
  counting: boolean;
  /** The rule changed since the count shown was answered (invalid, or still on its way). */
  stale: boolean;
}

/** Member count and first members of a rule being edited (`segments.count`), asked shortly after each change; stale replies are dropped. */
export function useLiveCount({ rule, asOf, segmentId, enabled }: LiveCountRequest): LiveCount {
  const [answer, setAnswer] = useState<{ key: string; count: number | null; sample: Customer[]; error: string | null } | null>(null);
  /** The request whose answer has been slow to come. */
  const [slowKey, setSlowKey] = useState<string | null>(null);
  const sequence = useRef(0);
  const key = JSON.stringify({ rule, asOf, segmentId });

  useEffect(() => {
    const id = ++sequence.current;
    if (!enabled) return;
    const slow = window.setTimeout(() => {
      if (id === sequence.current) setSlowKey(key);
    }, COUNTING_AFTER_MS);
    const timer = window.setTimeout(() => {
      const request = JSON.parse(key) as { rule: RuleTree; asOf: string | null; segmentId?: number };
      api.call('segments.count', { ...request, sample: SAMPLE_SIZE }).then(
        (result) => {
          if (id !== sequence.current) return;
          setAnswer({ key, count: result.count, sample: result.sample, error: null });
        },
        (cause: unknown) => {
          if (id !== sequence.current) return;
          setAnswer({ key, count: null, sample: [], error: errorMessage(cause) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(slow);
    };
  }, [key, enabled]);

  return {
    count: answer?.count ?? null,
    sample: answer?.sample ?? [],
    error: answer?.error ?? null,
    counting: enabled && slowKey === key && answer?.key !== key,
    stale: answer === null || answer.key !== key,
  };
}
