import type { EventsCondition } from '../../../shared/segments/rule-tree';
import { useBuilder } from './builder-context';
import { CategorySelect } from './CategorySelect';
import { COUNT_OP_LABELS } from './leaf-labels';
import type { LeafFieldsProps } from './RuleLeafEditor';
import { WindowInput } from './WindowInput';

const COUNT_OPS = Object.keys(COUNT_OP_LABELS) as EventsCondition['countOp'][];

/** "did product_view in category Shoes at least 2 times in the last 7 days"; "did not" means none in the window. */
export function EventsLeafFields({ leaf, n, problem, set }: LeafFieldsProps<EventsCondition>) {
  const { vocabulary } = useBuilder();
  const types =
    vocabulary.eventTypes.includes(leaf.eventType) || leaf.eventType === ''
      ? vocabulary.eventTypes
      : [leaf.eventType, ...vocabulary.eventTypes];
  const productList = `rule-products-${n}`;
  return (
    <>
      <select
        className="select"
        value={leaf.did ? 'did' : 'did_not'}
        onChange={(e) => set({ did: e.target.value === 'did' })}
        aria-label={`Did or did not ${n}`}
      >
        <option value="did">did</option>
        <option value="did_not">did not</option>
      </select>
      <select
        className={`select${problem ? ' input-invalid' : ''}`}
        value={leaf.eventType}
        onChange={(e) => set({ eventType: e.target.value })}
        aria-label={`Event type ${n}`}
        aria-invalid={problem !== undefined}
      >
        {leaf.eventType === '' && <option value="">{types.length === 0 ? 'No events imported' : 'Pick an event…'}</option>}
        {types.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <CategorySelect
        value={leaf.category}
        options={vocabulary.categories}
        onChange={(category) => set({ category })}
        label={`Event category ${n}`}
      />
      <input
        className="input rule-product"
        list={productList}
        value={leaf.product ?? ''}
        placeholder="any product"
        onChange={(e) => set({ product: e.target.value.trim() === '' ? null : e.target.value })}
        aria-label={`Product ${n}`}
      />
      <datalist id={productList}>
        {vocabulary.products.map((product) => (
          <option key={product} value={product} />
        ))}
      </datalist>
      {leaf.did && (
        <span className="rule-inline">
          <select
            className="select"
            value={leaf.countOp}
            onChange={(e) => set({ countOp: e.target.value as EventsCondition['countOp'] })}
            aria-label={`How many times ${n}`}
          >
            {COUNT_OPS.map((op) => (
              <option key={op} value={op}>
                {COUNT_OP_LABELS[op]}
              </option>
            ))}
          </select>
          <input
            className="input rule-number"
            type="number"
            min={0}
            value={leaf.times}
            onChange={(e) => set({ times: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
            aria-label={`Times ${n}`}
          />
          <span className="muted">{leaf.times === 1 ? 'time' : 'times'}</span>
        </span>
      )}
      <WindowInput days={leaf.windowDays} onChange={(windowDays) => set({ windowDays })} label={`Event window days ${n}`} />
    </>
  );
}
