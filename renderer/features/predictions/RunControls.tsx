import type { JobRun } from '../../api/use-job';

const STAGES = ['Reading orders and events', 'Fitting the model', 'Scoring customers', 'Saving scores'];

/** A model's Run button, or its progress (stage by stage) with Cancel while it runs. */
export function RunControls({
  label,
  run,
  onRun,
  onCancel,
  disabled,
}: {
  label: string;
  run: JobRun;
  onRun: () => void;
  onCancel: () => void;
  disabled: boolean;
}) {
  if (run.kind !== 'running')
    return (
      <button className="btn btn-primary" onClick={onRun} disabled={disabled}>
        {label}
      </button>
    );
  const progress = run.job?.progress;
  const stage = progress?.total ? Math.min(STAGES.length - 1, progress.done) : 0;
  const share = progress?.total ? Math.min(1, (progress.done + 0.5) / progress.total) : 0.05;
  return (
    <div className="predictions-progress" role="status" aria-live="polite">
      <span className="muted">{STAGES[stage]}…</span>
      <div
        className="progress"
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <div style={{ width: `${share * 100}%` }} />
      </div>
      <button className="btn" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** Why the last run ended without scores (too little data, cancelled, failed); the previous scores stay. */
export function RunNote({ run }: { run: JobRun }) {
  if (run.kind !== 'ended' || run.ok) return null;
  return (
    <div className="alert alert-warning predictions-note" role="alert">
      {run.message}
    </div>
  );
}
