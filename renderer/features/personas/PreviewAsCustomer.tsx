import { useState } from 'react';
import { toast } from 'sonner';
import type { Customer } from '../../../shared/contract/schemas';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { personaLabel } from './persona-label';
import { defaultPreviewChoice, PREVIEWS_PER_ROW } from './preview-choice';
import './personas.css';

/**
 * "Preview emails as this customer" from the customer dialog, with the choice
 * to add a persona or replace one. With a row of previews already full, it
 * offers to replace the last one, so the new persona is not a fourth card
 * wrapped out of view.
 */
export function PreviewAsCustomer({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const personas = useApi('personas.list', {});
  const save = useApiMutation('personas.save');
  const list = personas.data ?? [];
  const [chosen, setChosen] = useState<'add' | number | null>(null);
  const choice = chosen ?? defaultPreviewChoice(list.length);
  const label = personaLabel(customer);

  const preview = async () => {
    try {
      const replaced = choice === 'add' ? undefined : list[choice];
      await save.mutateAsync({ id: replaced?.id, label, source: { kind: 'customer', customerId: customer.id } });
      toast.success(replaced ? `${label} replaces ${replaced.label} in the Studio` : `${label} now has a preview in the Studio`);
      onDone();
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  return (
    <div className="preview-as">
      <select
        className="select"
        aria-label="Add or replace a persona"
        value={String(choice)}
        onChange={(e) => setChosen(e.target.value === 'add' ? 'add' : Number(e.target.value))}
        disabled={!personas.data}
      >
        <option value="add">
          Add as a new persona{list.length >= PREVIEWS_PER_ROW ? ` (preview ${list.length + 1}, on a new row)` : ''}
        </option>
        {list.map((persona, index) => (
          <option key={persona.id} value={index}>
            Replace “{persona.label}”
          </option>
        ))}
      </select>
      <button className="btn btn-primary" onClick={() => void preview()} disabled={save.isPending || !personas.data}>
        Preview emails as this customer
      </button>
    </div>
  );
}
