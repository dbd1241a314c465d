import type { AggregateOperator, OrderMeasure, OrdersCondition } from '../../../shared/segments/rule-tree';
import { ORDER_MEASURES } from '../../../shared/segments/rule-tree';
import { useBuilder } from './builder-context';
import { CategorySelect } from './CategorySelect';
import { AGGREGATE_LABELS, aggregateOperatorsFor, isDayOperator, ORDER_MEASURE_LABELS } from './leaf-labels';
import type { LeafFieldsProps } from './RuleLeafEditor';
import { WindowInput } from './WindowInput';

/** "Number of orders is at least 2 in the last 90 days in category Shoes". */
export function OrdersLeafFields({ leaf, n, problem, set }: LeafFieldsProps<OrdersCondition>) {
  const { vocabulary } = useBuilder();
  const operators = aggregateOperatorsFor(leaf.measure);
  const pickMeasure = (measure: OrderMeasure) => {
    const next = aggregateOperatorsFor(measure);
    set(next.includes(leaf.op) ? { measure } : { measure, op: next[0] ?? 'gte', value: '' });
  };
  const days = isDayOperator(leaf.op);
  const isDate = leaf.measure === 'first_order' || leaf.measure === 'last_order';
  return (
    <>
      <select
        className="select"
        value={leaf.measure}
        onChange={(e) => pickMeasure(e.target.value as OrderMeasure)}
        aria-label={`Order measure ${n}`}
      >
        {ORDER_MEASURES.map((measure) => (
          <option key={measure} value={measure}>
            {ORDER_MEASURE_LABELS[measure]}
          </option>
        ))}
      </select>
      <select
        className="select"
        value={leaf.op}
        onChange={(e) => set({ op: e.target.value as AggregateOperator })}
        aria-label={`Operator ${n}`}
      >
        {(operators.includes(leaf.op) ? operators : [...operators, leaf.op]).map((op) => (
          <option key={op} value={op}>
            {AGGREGATE_LABELS[op]}
          </option>
        ))}
      </select>
      <span className="rule-value rule-value-narrow">
        <input
          className={`input rule-number${problem ? ' input-invalid' : ''}`}
          value={leaf.value}
          placeholder={days ? 'days' : isDate ? 'yyyy-mm-dd' : leaf.measure === 'count' ? 'e.g. 2' : 'an amount'}
          onChange={(e) => set({ value: e.target.value })}
          aria-label={days ? `Days ${n}` : `Value ${n}`}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? `rule-problem-${n}` : undefined}
        />
        {days && <span className="muted">days</span>}
      </span>
      {!days && <WindowInput days={leaf.windowDays} onChange={(windowDays) => set({ windowDays })} label={`Order window days ${n}`} />}
      <CategorySelect
        value={leaf.category}
        options={vocabulary.categories}
        onChange={(category) => set({ category })}
        label={`Order category ${n}`}
      />
    </>
  );
}
