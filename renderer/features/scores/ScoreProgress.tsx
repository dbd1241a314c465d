import { jobShare, type JobRun } from '../../api/use-job';
import { JobProgress } from '../../ui/JobProgress';

/** A running scoring job: its share done and a Cancel that keeps the previous scores. */
export function ScoreProgress({
  run,
  label,
  onCancel,
}: {
  run: Extract<JobRun, { kind: 'running' }>;
  label: string;
  onCancel: () => void;
}) {
  const share = jobShare(run);
  return (
    <JobProgress
      className="card score-progress"
      title={`${label}…`}
      detail={`${Math.round(share * 100)}%`}
      label={`${label} progress`}
      share={share}
      onCancel={onCancel}
    />
  );
}
