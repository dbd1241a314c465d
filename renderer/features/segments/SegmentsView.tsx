import { toast } from 'sonner';
import { emptyRule } from '../../../shared/segments/rule';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { countOf, formatCount } from '../../ui/format';
import { displayName } from '../../../shared/templates/customer-context';
import { RuleEditor } from './RuleEditor';
import { useLiveCount } from './use-live-count';
import { draftOf, isUnsaved, useSegmentDraft, type Draft } from './use-segment-draft';

const NEW_DRAFT: Draft = { id: undefined, name: '', rule: { match: 'all', conditions: [{ field: 'country', op: 'equals', value: '' }] } };

/** Rule segments: conditions on any customer field, joined by AND, with a live member count. */
export function SegmentsView() {
  const segments = useApi('segments.list', {});
  const fields = useApi('customers.fields', {});
  const save = useApiMutation('segments.save');
  const remove = useApiMutation('segments.delete');
  const addPersona = useApiMutation('personas.save');
  const [edited, setDraft] = useSegmentDraft();
  // Until the user picks or edits one, the first segment is shown.
  const draft = edited ?? (segments.data?.[0] ? draftOf(segments.data[0]) : null);
  const live = useLiveCount(draft?.rule ?? emptyRule());
  const unsaved = isUnsaved(edited, segments.data);

  /** Moving to another segment would drop this draft's changes: ask first. */
  const leaveDraft = (next: Draft) => {
    if (unsaved && edited && !window.confirm(`Discard your unsaved changes to “${edited.name.trim() || 'the new segment'}”?`)) return;
    setDraft(next);
  };

  const submit = async () => {
    if (!draft) return;
    try {
      const saved = await save.mutateAsync({ id: draft.id, name: draft.name, rule: draft.rule });
      setDraft(draftOf(saved));
      toast.success(`Saved segment “${saved.name}” · ${countOf(saved.count, 'customer')}`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const del = async () => {
    if (!draft?.id || !window.confirm(`Delete the segment “${draft.name}”? Personas built on it are removed too.`)) return;
    try {
      await remove.mutateAsync({ id: draft.id });
      setDraft(null);
      toast.success('Segment deleted');
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const addAsPersona = async () => {
    if (!draft?.id) return;
    try {
      await addPersona.mutateAsync({ label: draft.name, source: { kind: 'segment', segmentId: draft.id } });
      toast.success(`“${draft.name}” now has a preview in the Studio`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const draftProblem = draft?.id === undefined ? null : (segments.data?.find((s) => s.id === draft.id)?.problem ?? null);

  return (
    <div className="page" style={{ height: '100%' }}>
      <div className="page-header">
        <h1>Segments</h1>
        <span style={{ flex: 1 }} />
        <button className="btn btn-primary" onClick={() => leaveDraft({ ...NEW_DRAFT })}>
          + New segment
        </button>
      </div>
      <div className="split">
        <div className="card">
          <ul className="list" aria-label="Segments">
            {(segments.data ?? []).map((segment) => (
              <li key={segment.id}>
                <button aria-current={draft?.id === segment.id} onClick={() => leaveDraft(draftOf(segment))}>
                  <span>{segment.name}</span>
                  {segment.problem ? (
                    <span className="badge badge-warning" title={segment.problem}>
                      Unreadable
                    </span>
                  ) : (
                    <span className="badge">{formatCount(segment.count)}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          {segments.data?.length === 0 && <div className="empty">No segments yet.</div>}
        </div>
        {draft ? (
          <div className="card" style={{ padding: 20, display: 'grid', gap: 16 }}>
            <div style={{ display: 'flex', gap: 16, alignItems: 'end' }}>
              <label className="field" style={{ flex: 1 }}>
                <span>Segment name</span>
                <input
                  className="input"
                  value={draft.name}
                  placeholder="e.g. High-value customers in Germany"
                  onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                  aria-label="Segment name"
                />
              </label>
              <div style={{ textAlign: 'right' }}>
                <div className="muted" style={{ fontSize: 12 }}>
                  Matching customers
                </div>
                <div className="count-pill" data-testid="segment-count">
                  {live.count === null ? '…' : formatCount(live.count)}
                </div>
              </div>
            </div>
            {draftProblem && (
              <div className="alert alert-warning" data-testid="segment-problem">
                {draftProblem} Saving new rules here replaces the unreadable one.
              </div>
            )}
            <RuleEditor rule={draft.rule} fields={fields.data ?? []} onChange={(rule) => setDraft({ ...draft, rule })} />
            {live.error && <div className="alert alert-danger">{live.error}</div>}
            {live.sample.length > 0 && (
              <div>
                <div className="muted" style={{ fontSize: 12, fontWeight: 600, marginBottom: 6 }}>
                  First members (the first one is who a persona on this segment shows)
                </div>
                <table className="table" aria-label="First members">
                  <tbody>
                    {live.sample.map((customer) => (
                      <tr key={customer.id}>
                        <td className="mono muted">{customer.id}</td>
                        <td>{displayName(customer)}</td>
                        <td>{customer.email}</td>
                        <td>{[customer.city, customer.country].filter(Boolean).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <button className="btn btn-primary" onClick={() => void submit()} disabled={!draft.name.trim() || save.isPending}>
                Save segment
              </button>
              {unsaved && (
                <>
                  <span className="save-state" data-state="dirty" data-testid="segment-unsaved">
                    Unsaved changes
                  </span>
                  <button
                    className="btn btn-sm btn-ghost"
                    onClick={() => {
                      const saved = segments.data?.find((s) => s.id === draft.id);
                      setDraft(saved ? draftOf(saved) : null);
                    }}
                  >
                    Discard changes
                  </button>
                </>
              )}
              {draft.id !== undefined && (
                <>
                  <button className="btn" onClick={() => void addAsPersona()}>
                    Preview as persona
                  </button>
                  <span style={{ flex: 1 }} />
                  <button className="btn btn-danger" onClick={() => void del()}>
                    Delete
                  </button>
                </>
              )}
            </div>
          </div>
        ) : (
          <div className="card empty">
            <h2>Build a segment</h2>
            Combine conditions on any field, such as loyalty tier, country or lifetime value, and see who matches as you type.
            <button className="btn btn-primary" onClick={() => setDraft({ ...NEW_DRAFT })}>
              + New segment
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
