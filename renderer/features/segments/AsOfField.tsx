import { useDefaultAsOf } from '../../api/use-default-as-of';

interface Props {
  asOf: string | null;
  onChange: (asOf: string | null) => void;
}

/**
 * The date the segment evaluates at: the workspace's default (today, or the demo's reference day) unless one is
 * picked; "in the last N days" counts back from it.
 */
export function AsOfField({ asOf, onChange }: Props) {
  const fallback = useDefaultAsOf();
  const name = fallback.isToday ? 'today' : fallback.day;
  return (
    <label className="field">
      <span>As of</span>
      <span className="as-of">
        <input
          className="input"
          type="date"
          value={asOf ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          aria-label="As-of date"
          aria-describedby="as-of-hint"
        />
        {asOf === null ? (
          <span className="muted" id="as-of-hint">
            {name}
          </span>
        ) : (
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange(null)} id="as-of-hint">
            Use {name}
          </button>
        )}
      </span>
    </label>
  );
}
