import { keepPreviousData } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { toast } from 'sonner';
import type { IntentRun } from '../../../shared/scores/intent/intent-summary';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { countOf, formatCount } from '../../ui/format';
import { IntentHistogram } from './IntentHistogram';

/** Where the threshold starts before one was applied: the lower edge of the bins holding the top fifth of customers with intent. */
export function suggestedThreshold(summary: IntentRun['summary']): number {
  let above = 0;
  for (let i = summary.bins.length - 1; i >= 0; i--) {
    const bin = summary.bins[i];
    if (!bin) continue;
    above += bin.count;
    if (above >= summary.withIntent / 5) return Number(bin.from.toFixed(2));
  }
  return 0;
}

/**
 * The histogram with a movable threshold: the count at or above it updates
 * as it moves (exact, from the stored scores), and "Save as segment" keeps
 * it with the run and makes the "High intent" segment.
 */
export function ThresholdPanel({ run }: { run: IntentRun }) {
  const { summary, settings } = run;
  const [threshold, setThreshold] = useState(settings.threshold ?? suggestedThreshold(summary));
  const deferred = useDeferredValue(threshold);
  const count = useApi('intent.countAtLeast', { threshold: deferred }, { placeholderData: keepPreviousData });
  const apply = useApiMutation('intent.applyThreshold');
  const step = summary.max > 0 ? Math.max(0.01, Number((summary.max / 300).toPrecision(2))) : 1;

  const save = async () => {
    try {
      const result = await apply.mutateAsync({ threshold });
      toast.success(`Segment "${result.segment.name}" now holds the ${countOf(result.count, 'customer')} scoring at least ${threshold}.`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  return (
    <section className="card score-panel" aria-label="Intent scores">
      <h2>Intent scores</h2>
      <p className="muted" style={{ margin: 0 }}>
        {formatCount(summary.withIntent)} of {countOf(summary.customers, 'customer')} did a weighted event in the window (highest score{' '}
        {Number(summary.max.toFixed(2))}); the other {formatCount(summary.customers - summary.withIntent)} score 0 and are not drawn.
      </p>
      <IntentHistogram bins={summary.bins} threshold={threshold} onPick={setThreshold} />
      <div className="score-threshold">
        <label className="field" style={{ flex: 1 }}>
          <span>High intent threshold</span>
          <input
            type="range"
            min={0}
            max={summary.max}
            step={step}
            value={threshold}
            aria-label="Threshold"
            onChange={(event) => setThreshold(Number(event.target.value))}
          />
        </label>
        <input
          className="input"
          type="number"
          min={0}
          step="any"
          style={{ width: 100 }}
          aria-label="Threshold value"
          value={threshold}
          onChange={(event) => setThreshold(Math.max(0, Number(event.target.value) || 0))}
        />
        <div>
          <div className="score-count" data-testid="intent-count-above">
            {count.data ? formatCount(count.data.count) : '…'}
          </div>
          <div className="muted">customers at or above</div>
        </div>
        <button className="btn btn-primary" onClick={() => void save()} disabled={apply.isPending}>
          {run.segment ? 'Update High intent segment' : 'Save as High intent segment'}
        </button>
      </div>
      {run.segment && settings.threshold !== null && (
        <p className="muted" style={{ margin: 0 }}>
          Segment “{run.segment.name}”: intent score at least {settings.threshold}. Use it in the Segments view, in templates (
          <span className="mono">intent_score</span>) and as a persona.
        </p>
      )}
    </section>
  );
}
