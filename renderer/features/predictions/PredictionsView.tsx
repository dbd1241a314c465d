import { useState } from 'react';
import { useApi } from '../../api/queries';
import { useDefaultAsOf } from '../../api/use-default-as-of';
import { ChurnPanel } from './ChurnPanel';
import { PropensityPanel } from './PropensityPanel';
import { usePredictionJob } from './use-prediction-job';
import './predictions.css';

const validDays = (days: number) => Number.isInteger(days) && days >= 1 && days <= 3650;

/** Predictive scores: BG/NBD churn and purchase propensity, each run as a job at a chosen as-of date and window. */
export function PredictionsView() {
  const workspace = useApi('workspace.current', {});
  const churn = useApi('predictions.latest', { model: 'churn' });
  const propensity = useApi('predictions.latest', { model: 'propensity' });
  const churnJob = usePredictionJob('churn');
  const propensityJob = usePredictionJob('propensity');
  const defaultAsOf = useDefaultAsOf().day;
  const [pickedAsOf, setAsOf] = useState<string | null>(null);
  const asOf = pickedAsOf ?? defaultAsOf;
  const [days, setDays] = useState(90);

  const counts = workspace.data?.counts;
  const noOrders = counts !== undefined && counts.orders === 0;
  const settingsValid = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && validDays(days);
  const running = churnJob.run.kind === 'running' || propensityJob.run.kind === 'running';

  return (
    <div className="page predictions-page" style={{ height: '100%' }}>
      <div className="page-header">
        <h1>Predictions</h1>
        <span style={{ flex: 1 }} />
        <label className="field predictions-setting">
          <span>As of</span>
          <input className="input" type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} disabled={running} />
        </label>
        <label className="field predictions-setting">
          <span>Window (days)</span>
          <input
            className="input"
            type="number"
            min={1}
            max={3650}
            value={Number.isNaN(days) ? '' : days}
            onChange={(event) => setDays(event.target.valueAsNumber)}
            aria-invalid={!validDays(days)}
            disabled={running}
          />
        </label>
      </div>
      {noOrders ? (
        <div className="card empty">
          <h2>No orders yet</h2>
          Predictions learn from order history: churn needs at least 20 customers with repeat purchases, propensity at least 50 customers
          with a purchase or an event. Import orders in the Imports view, then come back.
        </div>
      ) : (
        <div className="predictions-layout">
          <ChurnPanel
            latest={churn.data ?? null}
            job={churnJob}
            onRun={() => void churnJob.start({ asOf, days })}
            disabled={!settingsValid || running}
          />
          <PropensityPanel
            latest={propensity.data ?? null}
            job={propensityJob}
            onRun={() => void propensityJob.start({ asOf, days })}
            disabled={!settingsValid || running}
          />
        </div>
      )}
    </div>
  );
}
