import type { FieldInfo } from '../../../shared/contract/schemas';
import { OPERATORS_BY_TYPE, VALUE_HINTS } from '../../../shared/segments/operators';
import { OPERATOR_LABELS, UNARY_OPERATORS, type Condition, type SegmentRule } from '../../../shared/segments/rule';
import { FieldSelect, OperatorSelect } from './FieldSelect';

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

  return (
    <div style={{ display: 'grid', gap: 8 }} aria-label="Conditions">
      <div className="muted" style={{ fontSize: 12, fontWeight: 600 }}>
        Customers where all of these are true
      </div>
      {rule.conditions.map((condition, index) => {
        const field = fields.find((f) => f.key === condition.field);
        const pickField = (key: string) => {
          const next = OPERATORS_BY_TYPE[fields.find((f) => f.key === key)?.type ?? 'text'];
          update(index, next.includes(condition.op) ? { field: key } : { field: key, op: next[0] ?? 'equals' });
        };
        const hint = field ? VALUE_HINTS[field.type] : undefined;
        return (
          <div className="condition" key={index} data-testid="condition">
            <FieldSelect value={condition.field} fields={fields} onChange={pickField} label={`Field ${index + 1}`} />
            <OperatorSelect
              value={condition.op}
              offered={OPERATORS_BY_TYPE[field?.type ?? 'text']}
              labels={OPERATOR_LABELS}
              onChange={(op) => update(index, { op })}
              label={`Operator ${index + 1}`}
            />
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
