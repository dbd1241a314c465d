import { useState } from 'react';
import { toast } from 'sonner';
import type { Customer, Persona } from '../../../shared/contract/schemas';
import type { CustomerMatch } from '../../../shared/contract/studio-schemas';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { formatCount } from '../../ui/format';
import { CustomerSearch } from '../personas/CustomerSearch';
import { MemberStepper } from '../personas/MemberStepper';
import { customerSummary, personaLabel } from '../personas/persona-label';
import '../personas/personas.css';

interface Props {
  /** The persona to edit, or null to add one. */
  persona: Persona | null;
  /** Who the persona shows now (its preview's customer), for the member stepper. */
  showing?: string | null;
  onClose: () => void;
}

/** Who a preview shows: a member of a segment (the first, or one stepped to), or one specific customer found by search. */
export function PersonaDialog({ persona, showing = null, onClose }: Props) {
  const segments = useApi('segments.list', {});
  const save = useApiMutation('personas.save');
  const remove = useApiMutation('personas.delete');
  const [label, setLabel] = useState(persona?.label ?? '');
  // Typed by the author in this dialog: a picked customer then no longer renames the persona.
  const [labelTyped, setLabelTyped] = useState(false);
  const [kind, setKind] = useState<'segment' | 'customer'>(persona?.source.kind === 'customer' ? 'customer' : 'segment');
  const [segmentId, setSegmentId] = useState<number | null>(persona?.source.kind === 'segment' ? persona.source.segmentId : null);
  const storedCustomer = useApi(
    'customers.get',
    { idOrEmail: persona?.source.kind === 'customer' ? persona.source.customerId : '-' },
    { enabled: persona?.source.kind === 'customer' },
  );
  const [picked, setPicked] = useState<CustomerMatch | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const chosenSegment = segmentId ?? segments.data?.[0]?.id ?? null;
  const customer: Customer | null = picked?.customer ?? storedCustomer.data ?? null;
  const sameSegment = persona?.source.kind === 'segment' && persona.source.segmentId === chosenSegment;

  const pick = (match: CustomerMatch) => {
    setPicked(match);
    // Labelled by who they are, unless the author named the persona here.
    if (!labelTyped) setLabel(personaLabel(match.customer, match.matched));
  };

  const submit = async () => {
    setProblem(null);
    try {
      let source: Persona['source'];
      let fallback: string;
      if (kind === 'segment') {
        if (chosenSegment === null) return setProblem('Create a segment first, or pick a customer.');
        // Keep the member stepped to while the segment stays the same.
        const memberId = sameSegment && persona.source.kind === 'segment' ? persona.source.memberId : undefined;
        source = { kind: 'segment', segmentId: chosenSegment, ...(memberId ? { memberId } : {}) };
        fallback = segments.data?.find((s) => s.id === chosenSegment)?.name ?? 'Persona';
      } else {
        if (!customer) return setProblem('Search for a customer and pick one from the list.');
        source = { kind: 'customer', customerId: customer.id };
        fallback = personaLabel(customer, picked?.matched ?? null);
      }
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
      width={600}
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
      <div className="segmented" role="group" aria-label="Persona source">
        <button aria-pressed={kind === 'segment'} onClick={() => setKind('segment')}>
          A member of a segment
        </button>
        <button aria-pressed={kind === 'customer'} onClick={() => setKind('customer')}>
          A specific customer
        </button>
      </div>
      {kind === 'segment' ? (
        <>
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
          {persona && sameSegment ? (
            <MemberStepper personaId={persona.id} showing={showing} />
          ) : (
            <div className="muted">Shows the segment’s first member; step through the others once it is saved.</div>
          )}
        </>
      ) : (
        <>
          <CustomerSearch onPick={pick} autoFocus={!persona} />
          {customer && (
            <div className="chosen-customer" data-testid="chosen-customer">
              <span className="who">
                <b>Previewing as</b> {customerSummary(customer)}
              </span>
            </div>
          )}
        </>
      )}
      <label className="field">
        <span>Label</span>
        <input
          className="input"
          value={label}
          placeholder={kind === 'segment' ? 'The segment’s name' : 'The customer’s name'}
          onChange={(e) => {
            setLabel(e.target.value);
            setLabelTyped(true);
          }}
          aria-label="Persona label"
        />
      </label>
      {problem && <div className="alert alert-danger">{problem}</div>}
    </Dialog>
  );
}
