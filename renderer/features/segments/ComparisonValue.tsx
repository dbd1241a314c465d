import type { FieldOperator } from '../../../shared/segments/rule-tree';
import { isDayOperator, isListOperator } from './leaf-labels';
import { ListValueInput } from './ListValueInput';

interface Props {
  op: FieldOperator;
  value: string;
  values: readonly string[];
  n: number;
  problem: string | undefined;
  placeholder: string;
  title?: string;
  set: (patch: { value?: string; values?: string[] }) => void;
}

/** The value side of a field or score comparison: nothing, a number of days, a list of values, or one value. */
export function ComparisonValue({ op, value, values, n, problem, placeholder, title, set }: Props) {
  const describedBy = problem ? `rule-problem-${n}` : undefined;
  if (op === 'is_empty' || op === 'is_not_empty') return <span />;
  if (isListOperator(op)) {
    return (
      <ListValueInput
        values={values}
        onChange={(next) => set({ values: next })}
        label={`Values ${n}`}
        invalid={problem !== undefined}
        describedBy={describedBy}
      />
    );
  }
  const days = isDayOperator(op);
  return (
    <span className="rule-value">
      <input
        className={`input${problem ? ' input-invalid' : ''}`}
        value={value}
        inputMode={days ? 'numeric' : undefined}
        placeholder={days ? 'days' : placeholder}
        title={title}
        onChange={(e) => set({ value: e.target.value })}
        aria-label={days ? `Days ${n}` : `Value ${n}`}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy}
      />
      {days && <span className="muted">days</span>}
    </span>
  );
}
