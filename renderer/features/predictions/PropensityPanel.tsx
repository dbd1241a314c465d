import type { PredictionRun } from '../../../shared/scores/prediction-report';
import { formatWhen } from '../../ui/format';
import { CalibrationChart } from './CalibrationChart';
import { RunControls, RunNote } from './RunControls';
import type { usePredictionJob } from './use-prediction-job';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Purchase propensity: the holdout AUC and the calibration of its probabilities. */
export function PropensityPanel({
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
  const summary = latest?.summary.model === 'propensity' ? latest.summary : null;
  const computed = latest ? formatWhen(latest.computedAt) : '';
  return (
    <section className="card predictions-panel" aria-labelledby="propensity-title">
      <header className="predictions-panel-header">
        <div>
          <h2 id="propensity-title">Purchase propensity</h2>
          <span className="muted">
            {summary
              ? `As of ${summary.asOf} · ${summary.customers.toLocaleString()} customers scored · computed ${computed}`
              : 'Probability each customer buys in the window, from recency, frequency, spend, tenure and recent activity.'}
          </span>
        </div>
        <RunControls label="Run propensity" run={job.run} onRun={onRun} onCancel={job.cancel} disabled={disabled} />
      </header>
      <RunNote run={job.run} />
      {summary ? (
        <>
          <div className="stats predictions-stats">
            <div
              className="stat"
              data-testid="propensity-auc"
              title="How often a buyer ranks above a non-buyer among customers the model did not train on (0.5 = chance)"
            >
              <b>{summary.auc.toFixed(3)}</b>
              <span>Holdout AUC</span>
            </div>
            <div className="stat">
              <b>{percent(summary.baseRate)}</b>
              <span>
                bought in {summary.days} days after {summary.cutoff}
              </span>
            </div>
            <div className="stat">
              <b>{summary.trainSize.toLocaleString()}</b>
              <span>training customers</span>
            </div>
            <div className="stat">
              <b>{summary.holdoutSize.toLocaleString()}</b>
              <span>holdout customers</span>
            </div>
          </div>
          <p className="muted predictions-line">
            Trained on what was known at {summary.cutoff} against who bought in the next {summary.days} days; mean propensity now{' '}
            <b>{percent(summary.meanPropensity)}</b>. Token: <code>purchase_propensity</code>.
          </p>
          <CalibrationChart calibration={summary.calibration} />
        </>
      ) : (
        job.run.kind !== 'running' && (
          <p className="muted predictions-line">
            Not run yet. The model needs at least 50 customers with a purchase or an event before the cutoff, some of whom bought in the
            window after it.
          </p>
        )
      )}
    </section>
  );
}
