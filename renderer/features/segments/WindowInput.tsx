interface Props {
  days: number | null;
  onChange: (days: number | null) => void;
  label: string;
}

/** "in the last [N] days" counted back from the as-of date; empty means all time. */
export function WindowInput({ days, onChange, label }: Props) {
  return (
    <label className="rule-inline">
      <span className="muted">in the last</span>
      <input
        className="input rule-number"
        type="number"
        min={1}
        max={36500}
        value={days ?? ''}
        placeholder="all"
        onChange={(e) => {
          const next = Math.trunc(Number(e.target.value));
          onChange(e.target.value === '' || !Number.isFinite(next) || next < 1 ? null : Math.min(next, 36_500));
        }}
        aria-label={label}
      />
      <span className="muted">days</span>
    </label>
  );
}
