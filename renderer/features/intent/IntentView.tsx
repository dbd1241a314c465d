import { useState } from 'react';
import { useApi } from '../../api/queries';
import { useDefaultAsOf } from '../../api/use-default-as-of';
import { api } from '../../api/transport';
import { ImportDialog } from '../imports/ImportDialog';
import { ScorePage } from '../scores/ScorePage';
import { useJob } from '../../api/use-job';
import '../scores/scores.css';
import { formFromSettings, startInput, type IntentForm } from './intent-form';
import { IntentSettingsForm } from './IntentSettingsForm';
import { ThresholdPanel } from './ThresholdPanel';

/** Intent: weighted recent events per customer, their histogram, and the threshold that makes "High intent". */
export function IntentView() {
  const workspace = useApi('workspace.current', {});
  const latest = useApi('intent.latest', {});
  const defaultAsOf = useDefaultAsOf().day;
  const { run, start, cancel } = useJob(['intent.latest', 'intent.countAtLeast']);
  const [edited, setForm] = useState<IntentForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  // Until edited, the form shows the last run's settings (as of the workspace's default day).
  const form = edited ?? (latest.isSuccess ? formFromSettings(latest.data?.settings ?? null, defaultAsOf) : null);

  const counts = workspace.data?.counts;
  const noEvents = counts !== undefined && counts.events === 0;
  const running = run.kind === 'running';
  const result = latest.data ?? null;

  const runScoring = () => {
    if (!form) return;
    const checked = startInput(form);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem(null);
    void start(() => api.call('intent.start', checked.input));
  };

  return (
    <ScorePage
      title="Intent"
      stored={result && { asOf: result.settings.asOf, computedAt: result.computedAt }}
      action={noEvents ? null : { label: result ? 'Score again' : 'Score intent', onRun: runScoring, disabled: running || !form }}
      run={run}
      runningLabel="Scoring intent"
      onCancel={cancel}
      problem={problem}
    >
      {noEvents ? (
        <div className="card empty">
          <h2>No events yet</h2>
          Intent is scored from events such as product views, cart adds and purchases. Import an events file (customer, type, time) and come
          back.
          <button className="btn btn-primary" onClick={() => setImporting(true)}>
            Import CSV…
          </button>
        </div>
      ) : (
        <div className="score-layout">
          {form && <IntentSettingsForm form={form} onChange={setForm} suggestions={result?.summary.unweighted ?? []} />}
          <div className="score-results">
            {result ? (
              <ThresholdPanel key={result.computedAt} run={result} />
            ) : (
              !running &&
              latest.isSuccess && (
                <div className="card empty">
                  <h2>No intent scores yet</h2>
                  Each event of a weighted type in the window adds its weight (halved every half-life, if you set one); each order counts as
                  a purchase unless your events record purchases. Choose the weights and press Score intent.
                </div>
              )
            )}
          </div>
        </div>
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </ScorePage>
  );
}
