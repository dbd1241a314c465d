import type { FieldInfo } from '../../../shared/contract/schemas';

/**
 * A field picker: the workspace's customer fields, then its custom
 * attributes. A stored rule naming a field the workspace no longer has keeps
 * it, marked unknown, rather than silently pointing at another field.
 */
export function FieldSelect({
  value,
  fields,
  onChange,
  label,
}: {
  value: string;
  fields: readonly FieldInfo[];
  onChange: (key: string) => void;
  label: string;
}) {
  const known = fields.some((f) => f.key === value);
  const canonical = fields.filter((f) => f.kind === 'canonical');
  const custom = fields.filter((f) => f.kind === 'custom');
  return (
    <select className="select" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      {!known && <option value={value}>{value} (unknown)</option>}
      <optgroup label="Customer fields">
        {canonical.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </optgroup>
      {custom.length > 0 && (
        <optgroup label="Custom attributes">
          {custom.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

/**
 * The operators a condition offers. A stored rule may use one its field's
 * type no longer offers: it stays visible rather than silently changing.
 */
export function OperatorSelect<Op extends string>({
  value,
  offered,
  labels,
  onChange,
  label,
}: {
  value: Op;
  offered: readonly Op[];
  labels: Record<Op, string>;
  onChange: (op: Op) => void;
  label: string;
}) {
  const operators = offered.includes(value) ? offered : [...offered, value];
  return (
    <select className="select" value={value} onChange={(e) => onChange(e.target.value as Op)} aria-label={label}>
      {operators.map((op) => (
        <option key={op} value={op}>
          {labels[op]}
        </option>
      ))}
    </select>
  );
}
