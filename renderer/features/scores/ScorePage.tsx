import type { ReactNode } from 'react';
import type { JobRun } from '../../api/use-job';
import { formatWhen } from '../../ui/format';
import { ScoreProgress } from './ScoreProgress';

/**
 * The frame every model tab shares: the title with the stored run's dates,
 * the run button, progress with Cancel while a job runs, and why the last
 * run or the settings failed. The model's settings and results go inside.
 */
export function ScorePage({
  title,
  stored,
  action,
  run,
  runningLabel,
  onCancel,
  problem,
  children,
}: {
  title: string;
  /** The stored run shown below, if any. */
  stored: { asOf: string; computedAt: string } | null;
  /** The run button; null while the workspace lacks what the model reads (the empty state says so). */
  action: { label: string; onRun: () => void; disabled: boolean } | null;
  run: JobRun;
  /** What the progress row says while the job runs, e.g. "Clustering". */
  runningLabel: string;
  onCancel: () => void;
  /** Settings that do not check out, said before anything is started. */
  problem: string | null;
  children: ReactNode;
}) {
  return (
    <div className="page score-page" style={{ height: '100%' }}>
      <div className="page-header">
        <h1>{title}</h1>
        {stored && (
          <span className="muted">
            As of {stored.asOf} · computed {formatWhen(stored.computedAt)}
          </span>
        )}
        <span style={{ flex: 1 }} />
        {action && (
          <button className="btn btn-primary" onClick={action.onRun} disabled={action.disabled}>
            {action.label}
          </button>
        )}
      </div>
      {run.kind === 'running' && <ScoreProgress run={run} label={runningLabel} onCancel={onCancel} />}
      {problem && (
        <div className="card score-note alert-danger" role="alert">
          {problem}
        </div>
      )}
      {run.kind === 'ended' && !run.ok && (
        <div className="card score-note" role="alert">
          {run.message}
        </div>
      )}
      {children}
    </div>
  );
}
