import { VALUE_HINTS } from '../../../shared/segments/operators';
import type { FieldCondition, FieldOperator } from '../../../shared/segments/rule-tree';
import { useBuilder } from './builder-context';
import { ComparisonValue } from './ComparisonValue';
import { FieldSelect, OperatorSelect } from './FieldSelect';
import { FIELD_OPERATOR_LABELS, fieldOperatorsFor } from './leaf-labels';
import type { LeafFieldsProps } from './RuleLeafEditor';

/** Profile field, an operator its type offers, and the value. */
export function FieldLeafFields({ leaf, n, problem, set }: LeafFieldsProps<FieldCondition>) {
  const { fields } = useBuilder();
  const field = fields.find((f) => f.key === leaf.field);
  const pickField = (key: string) => {
    const next = fieldOperatorsFor(fields.find((f) => f.key === key)?.type ?? 'text');
    set(next.includes(leaf.op) ? { field: key } : { field: key, op: next[0] ?? 'equals' });
  };
  const hint = field ? VALUE_HINTS[field.type] : undefined;
  return (
    <>
      <FieldSelect value={leaf.field} fields={fields} onChange={pickField} label={`Field ${n}`} />
      <OperatorSelect
        value={leaf.op}
        offered={fieldOperatorsFor(field?.type ?? 'text')}
        labels={FIELD_OPERATOR_LABELS}
        onChange={(op: FieldOperator) => set({ op })}
        label={`Operator ${n}`}
      />
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
