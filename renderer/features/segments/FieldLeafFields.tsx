import { VALUE_HINTS } from '../../../shared/segments/operators';
import type { FieldCondition, FieldOperator } from '../../../shared/segments/rule-tree';
import { useBuilder } from './builder-context';
import { ComparisonValue } from './ComparisonValue';
import { FIELD_OPERATOR_LABELS, fieldOperatorsFor } from './leaf-labels';
import type { LeafFieldsProps } from './RuleLeafEditor';

/** Profile field, an operator its type offers, and the value. */
export function FieldLeafFields({ leaf, n, problem, set }: LeafFieldsProps<FieldCondition>) {
  const { fields } = useBuilder();
  const field = fields.find((f) => f.key === leaf.field);
  const offered = fieldOperatorsFor(field?.type ?? 'text');
  // A stored rule may use an operator the field's type no longer offers: keep it visible rather than silently change it.
  const operators = offered.includes(leaf.op) ? offered : [...offered, leaf.op];
  const pickField = (key: string) => {
    const next = fieldOperatorsFor(fields.find((f) => f.key === key)?.type ?? 'text');
    set(next.includes(leaf.op) ? { field: key } : { field: key, op: next[0] ?? 'equals' });
  };
  const hint = field ? VALUE_HINTS[field.type] : undefined;
  const canonical = fields.filter((f) => f.kind === 'canonical');
  const custom = fields.filter((f) => f.kind === 'custom');
  return (
    <>
      <select className="select" value={leaf.field} onChange={(e) => pickField(e.target.value)} aria-label={`Field ${n}`}>
        {!field && <option value={leaf.field}>{leaf.field} (unknown)</option>}
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
        value={leaf.op}
        onChange={(e) => set({ op: e.target.value as FieldOperator })}
        aria-label={`Operator ${n}`}
      >
        {operators.map((op) => (
          <option key={op} value={op}>
            {FIELD_OPERATOR_LABELS[op]}
          </option>
        ))}
      </select>
      <ComparisonValue
        op={leaf.op}
        value={leaf.value}
        values={leaf.values}
        n={n}
        problem={problem}
        placeholder={field?.sample ? `e.g. ${field.sample}` : (hint ?? 'Value')}
        title={hint}
        set={set}
      />
    </>
  );
}
