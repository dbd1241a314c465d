interface Props {
  value: string | null;
  options: readonly string[];
  onChange: (value: string | null) => void;
  label: string;
}

/** Any category, or one of the workspace's (matched case-insensitively by the engine); a stored one no longer seen stays listed. */
export function CategorySelect({ value, options, onChange, label }: Props) {
  const known = value === null || options.some((option) => option.toLowerCase() === value.toLowerCase());
  return (
    <select
      className="select"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      aria-label={label}
    >
      <option value="">any category</option>
      {!known && value !== null && <option value={value}>{value}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}
