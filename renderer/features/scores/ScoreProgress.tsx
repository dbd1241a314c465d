import type { ScoreJobRun } from './use-score-job';

/** A running scoring job: its share done and a Cancel that keeps the previous scores. */
export function ScoreProgress({
  run,
  label,
  onCancel,
}: {
  run: Extract<ScoreJobRun, { kind: 'running' }>;
  label: string;
  onCancel: () => void;
}) {
  const progress = run.job?.progress;
  const share = progress?.total ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <div className="card score-progress" role="status" aria-live="polite">
      <div>
        <b>{label}…</b> <span className="muted">{Math.round(share * 100)}%</span>
      </div>
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
