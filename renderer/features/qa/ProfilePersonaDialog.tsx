import { useState } from 'react';
import type { Persona } from '../../../shared/contract/schemas';
import { errorMessage, useApiMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';

interface Row {
  key: string;
  value: string;
}

const STARTING_FIELDS = ['first_name', 'last_name', 'email', 'city'];

/** A hand-made persona: a profile typed in field by field, previewed like a customer but never stored as one. */
export function ProfilePersonaDialog({ persona, onClose }: { persona?: Persona | null; onClose: () => void }) {
  const save = useApiMutation('personas.save');
  const remove = useApiMutation('personas.delete');
  const typed = persona?.source.kind === 'profile' ? persona.source.profile : null;
  const [label, setLabel] = useState(persona?.label ?? '');
  const [rows, setRows] = useState<Row[]>(
    typed ? Object.entries(typed).map(([key, value]) => ({ key, value })) : STARTING_FIELDS.map((key) => ({ key, value: '' })),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const update = (index: number, change: Partial<Row>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = async () => {
    const profile = Object.fromEntries(rows.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.value]));
    if (!label.trim()) return setProblem('Give the persona a name, e.g. "VIP without a city".');
    try {
      await save.mutateAsync({ id: persona?.id, label: label.trim(), source: { kind: 'profile', profile } });
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Dialog
      title="Hand-made persona"
      description="Type a profile to preview as: fields you leave empty are missing for this persona, as for a real customer."
      width={560}
      onClose={onClose}
      footer={
        <>
          {persona && (
            <button
              className="btn btn-danger"
              onClick={() => void remove.mutateAsync({ id: persona.id }).then(onClose, (error: unknown) => setProblem(errorMessage(error)))}
            >
              Remove
            </button>
          )}
          <span style={{ flex: 1 }} />
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" onClick={() => void submit()} disabled={save.isPending}>
            {persona ? 'Save persona' : 'Add persona'}
          </button>
        </>
      }
    >
      <label className="field">
        <span>Name</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="VIP without a city" aria-label="Persona name" />
      </label>
      <table className="table qa-profile">
        <thead>
          <tr>
            <th>Field</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td>
                <input value={row.key} onChange={(e) => update(index, { key: e.target.value })} aria-label={`Field ${index + 1}`} />
              </td>
              <td>
                <input value={row.value} onChange={(e) => update(index, { value: e.target.value })} aria-label={`Value ${index + 1}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button className="btn btn-sm" onClick={() => setRows((all) => [...all, { key: '', value: '' }])}>
        + Field
      </button>
      {problem && <div className="alert alert-danger">{problem}</div>}
    </Dialog>
  );
}
