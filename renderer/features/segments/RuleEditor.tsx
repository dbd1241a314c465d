import type { FieldInfo } from '../../../shared/contract/schemas';
import { OPERATORS_BY_TYPE, VALUE_HINTS } from '../../../shared/segments/operators';
import { OPERATOR_LABELS, UNARY_OPERATORS, type Condition, type SegmentRule } from '../../../shared/segments/rule';

interface Props {
  rule: SegmentRule;
  fields: FieldInfo[];
  onChange: (rule: SegmentRule) => void;
}

/** The customers grid filter: rows of field / operator / value, all of which must hold (AND); segments use the nested RuleBuilder. Each field offers the operators its type compares with. */
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
        const offered = OPERATORS_BY_TYPE[field?.type ?? 'text'];
        // A stored rule may use an operator the field's type no longer offers: keep it visible rather than silently change it.
        const operators = offered.includes(condition.op) ? offered : [...offered, condition.op];
        const pickField = (key: string) => {
          const next = OPERATORS_BY_TYPE[fields.find((f) => f.key === key)?.type ?? 'text'];
          update(index, next.includes(condition.op) ? { field: key } : { field: key, op: next[0] ?? 'equals' });
        };
        const hint = field ? VALUE_HINTS[field.type] : undefined;
        return (
          <div className="condition" key={index} data-testid="condition">
            <select
              className="select"
              value={condition.field}
              onChange={(e) => pickField(e.target.value)}
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
              {operators.map((op) => (
                <option key={op} value={op}>
                  {OPERATOR_LABELS[op]}
                </option>
              ))}
            </select>
            <input
              className="input"
              value={condition.value}
              disabled={UNARY_OPERATORS.has(condition.op)}
              placeholder={field?.sample ? `e.g. ${field.sample}` : (hint ?? 'Value')}
              title={hint}
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
