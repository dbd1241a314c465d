import { useState } from 'react';
import { toast } from 'sonner';
import type { Persona } from '../../../shared/contract/schemas';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { api } from '../../api/transport';
import { Dialog } from '../../ui/Dialog';
import { formatCount } from '../../ui/format';

interface Props {
  /** The persona to edit, or null to add one. */
  persona: Persona | null;
  onClose: () => void;
}

/** Who a preview shows: the first member of a segment, or one specific customer. */
export function PersonaDialog({ persona, onClose }: Props) {
  const segments = useApi('segments.list', {});
  const save = useApiMutation('personas.save');
  const remove = useApiMutation('personas.delete');
  const [label, setLabel] = useState(persona?.label ?? '');
  const [kind, setKind] = useState<'segment' | 'customer'>(persona?.source.kind === 'customer' ? 'customer' : 'segment');
  const [segmentId, setSegmentId] = useState<number | null>(persona?.source.kind === 'segment' ? persona.source.segmentId : null);
  const [customer, setCustomer] = useState(persona?.source.kind === 'customer' ? persona.source.customerId : '');
  const [problem, setProblem] = useState<string | null>(null);

  const chosenSegment = segmentId ?? segments.data?.[0]?.id ?? null;

  const submit = async () => {
    setProblem(null);
    try {
      let source: Persona['source'];
      if (kind === 'segment') {
        if (chosenSegment === null) return setProblem('Create a segment first, or pick a customer.');
        source = { kind: 'segment', segmentId: chosenSegment };
      } else {
        const found = await api.call('customers.get', { idOrEmail: customer.trim() });
        if (!found) return setProblem(`No customer with id or email "${customer.trim()}".`);
        source = { kind: 'customer', customerId: found.id };
      }
      const fallback = kind === 'segment' ? (segments.data?.find((s) => s.id === chosenSegment)?.name ?? 'Persona') : customer.trim();
      await save.mutateAsync({ id: persona?.id, label: label.trim() || fallback, source });
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Dialog
      title={persona ? `Edit persona “${persona.label}”` : 'Add persona'}
      description="Previews show the email exactly as this customer would receive it."
      onClose={onClose}
      footer={
        <>
          {persona && (
            <button
              className="btn btn-danger"
              style={{ marginRight: 'auto' }}
              onClick={() =>
                void remove.mutateAsync({ id: persona.id }).then(
                  () => {
                    toast.success(`Removed persona ${persona.label}`);
                    onClose();
                  },
                  (error: unknown) => setProblem(errorMessage(error)),
                )
              }
            >
              Remove persona
            </button>
          )}
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" onClick={() => void submit()} disabled={save.isPending}>
            Save persona
          </button>
        </>
      }
    >
      <label className="field">
        <span>Label</span>
        <input
          className="input"
          value={label}
          placeholder="e.g. High-value customer"
          onChange={(e) => setLabel(e.target.value)}
          aria-label="Persona label"
        />
      </label>
      <div className="segmented" role="group" aria-label="Persona source">
        <button aria-pressed={kind === 'segment'} onClick={() => setKind('segment')}>
          First member of a segment
        </button>
        <button aria-pressed={kind === 'customer'} onClick={() => setKind('customer')}>
          A specific customer
        </button>
      </div>
      {kind === 'segment' ? (
        <label className="field">
          <span>Segment</span>
          <select
            className="select"
            value={chosenSegment ?? ''}
            onChange={(e) => setSegmentId(Number(e.target.value))}
            aria-label="Segment"
          >
            {(segments.data ?? []).map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name} ({formatCount(segment.count)})
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="field">
          <span>Customer id or email</span>
          <input className="input mono" value={customer} onChange={(e) => setCustomer(e.target.value)} aria-label="Customer id or email" />
        </label>
      )}
      {problem && <div className="alert alert-danger">{problem}</div>}
    </Dialog>
  );
}
