import type { FieldInfo } from '../../../shared/contract/schemas';
import { OPERATOR_LABELS, OPERATORS, UNARY_OPERATORS, type Condition, type SegmentRule } from '../../../shared/segments/rule';

interface Props {
  rule: SegmentRule;
  fields: FieldInfo[];
  onChange: (rule: SegmentRule) => void;
}

/** Rows of field / operator / value, all of which must hold (AND). */
export function RuleEditor({ rule, fields, onChange }: Props) {
  const update = (index: number, patch: Partial<Condition>) =>
    onChange({ ...rule, conditions: rule.conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const removeAt = (index: number) => onChange({ ...rule, conditions: rule.conditions.filter((_, i) => i !== index) });
  const add = () => onChange({ ...rule, conditions: [...rule.conditions, { field: fields[0]?.key ?? 'email', op: 'equals', value: '' }] });
  const canonical = fields.filter((f) => f.kind === 'canonical');
  const custom = fields.filter((f) => f.kind === 'custom');

  return (
    <div style={{ display: 'grid', gap: 8 }} aria-label="Conditions">
      <div className="muted" style={{ fontSize: 12, fontWeight: 600 }}>
        Customers where all of these are true
      </div>
      {rule.conditions.map((condition, index) => {
        const field = fields.find((f) => f.key === condition.field);
        return (
          <div className="condition" key={index} data-testid="condition">
            <select
              className="select"
              value={condition.field}
              onChange={(e) => update(index, { field: e.target.value })}
              aria-label={`Field ${index + 1}`}
            >
              {!field && <option value={condition.field}>{condition.field} (unknown)</option>}
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
            <select
              className="select"
              value={condition.op}
              onChange={(e) => update(index, { op: e.target.value as Condition['op'] })}
              aria-label={`Operator ${index + 1}`}
            >
              {OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {OPERATOR_LABELS[op]}
                </option>
              ))}
            </select>
            <input
              className="input"
              value={condition.value}
              disabled={UNARY_OPERATORS.has(condition.op)}
              placeholder={field?.sample ? `e.g. ${field.sample}` : 'Value'}
              onChange={(e) => update(index, { value: e.target.value })}
              aria-label={`Value ${index + 1}`}
            />
            <button className="btn btn-ghost" onClick={() => removeAt(index)} aria-label={`Remove condition ${index + 1}`}>
              ✕
            </button>
          </div>
        );
      })}
      <div>
        <button className="btn btn-sm" onClick={add}>
          + Add condition
        </button>
      </div>
    </div>
  );
}
