import type { ReactNode } from 'react';

/**
 * A running job: what it is doing, a progress bar and Cancel. Every long job
 * in the studio shows this, so progress reads and cancels the same way
 * everywhere.
 */
export function JobProgress({
  title,
  detail,
  label,
  share,
  onCancel,
  className,
}: {
  /** What runs, e.g. "Auditing…". */
  title: ReactNode;
  /** After the title, muted: counts, the stage. */
  detail?: ReactNode;
  /** The progress bar's accessible name, e.g. "Audit progress". */
  label: string;
  /** Done so far, 0 to 1. */
  share: number;
  onCancel: () => void;
  className?: string;
}) {
  const percent = Math.round(share * 100);
  return (
    <div className={className} role="status" aria-live="polite">
      <div>
        <b>{title}</b> {detail !== undefined && <span className="muted">{detail}</span>}
      </div>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div style={{ width: `${share * 100}%` }} />
      </div>
      <button className="btn" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
