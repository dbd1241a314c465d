import type { ChurnSummary, PredictionRun } from '../../../shared/scores/prediction-report';
import { formatWhen } from '../../ui/format';
import { RunControls, RunNote } from './RunControls';
import { ScoreHistogramChart } from './ScoreHistogramChart';
import type { usePredictionJob } from './use-prediction-job';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Parameters span many orders of magnitude (a drop-out near 0 shows as 1.2e-5, not 0). */
const significant = (value: number) =>
  value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e6)
    ? value.toExponential(2)
    : value.toLocaleString(undefined, { maximumSignificantDigits: 4 });

function Parameters({ summary }: { summary: ChurnSummary }) {
  const { r, alpha, a, b } = summary.params;
  return (
    <div className="stats predictions-stats" aria-label="BG/NBD parameters">
      <div className="stat" title="Shape of the purchase-rate distribution">
        <b>{significant(r)}</b>
        <span>r (purchase-rate shape)</span>
      </div>
      <div className="stat" title="Scale of the purchase-rate distribution, in days">
        <b>{significant(alpha)}</b>
        <span>α (rate scale, days)</span>
      </div>
      <div className="stat" title="With b, the drop-out probability after each purchase: mean a / (a + b)">
        <b>{significant(a)}</b>
        <span>a (drop-out)</span>
      </div>
      <div className="stat">
        <b>{significant(b)}</b>
        <span>b (drop-out)</span>
      </div>
    </div>
  );
}

/** BG/NBD churn: the fitted parameters and how churn probability is spread over the customers. */
export function ChurnPanel({
  latest,
  job,
  onRun,
  disabled,
}: {
  latest: PredictionRun | null;
  job: ReturnType<typeof usePredictionJob>;
  onRun: () => void;
  disabled: boolean;
}) {
  const summary = latest?.summary.model === 'churn' ? latest.summary : null;
  const computed = latest ? formatWhen(latest.computedAt) : '';
  return (
    <section className="card predictions-panel" aria-labelledby="churn-title">
      <header className="predictions-panel-header">
        <div>
          <h2 id="churn-title">Churn (BG/NBD)</h2>
          <span className="muted">
            {summary
              ? `As of ${summary.asOf} · ${summary.customers.toLocaleString()} customers with a purchase · computed ${computed}`
              : 'Probability each customer has stopped buying, and purchases expected in the window.'}
          </span>
        </div>
        <RunControls label="Run churn" run={job.run} onRun={onRun} onCancel={job.cancel} disabled={disabled} />
      </header>
      <RunNote run={job.run} />
      {summary ? (
        <>
          <Parameters summary={summary} />
          <p className="muted predictions-line">
            {summary.repeatCustomers.toLocaleString()} customers bought again on a later day. Chance of dropping out after a purchase{' '}
            <b>{percent(summary.params.a / (summary.params.a + summary.params.b))}</b>; mean churn probability{' '}
            <b>{percent(summary.meanChurn)}</b>; on average <b>{significant(summary.meanExpectedPurchases)}</b> purchases expected in the
            next {summary.days} days. Tokens: <code>churn_probability</code>, <code>expected_purchases</code>.
          </p>
          <ScoreHistogramChart histogram={summary.histogram} label="Churn probability" testId="churn-histogram" />
        </>
      ) : (
        job.run.kind !== 'running' && (
          <p className="muted predictions-line">
            Not run yet. BG/NBD needs at least 20 customers with repeat purchases (orders on two or more days) by the as-of date.
          </p>
        )
      )}
    </section>
  );
}
