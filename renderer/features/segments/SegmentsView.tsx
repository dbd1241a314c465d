import { useState } from 'react';
import type { ActivityVocabulary } from '../../../shared/contract/schemas';
import { useApi } from '../../api/queries';
import { formatCount } from '../../ui/format';
import { newLeaf } from './new-leaf';
import { SegmentEditor } from './SegmentEditor';
import { ExportAudienceButton } from './audience/ExportAudienceButton';
import { SegmentOverviewPanel } from './SegmentOverviewPanel';
import { draftOf, isUnsaved, newDraft, useSegmentDraft, type Draft } from './use-segment-draft';
import './segments.css';

const NO_VOCABULARY: ActivityVocabulary = { eventTypes: [], categories: [], products: [] };
type Tab = 'builder' | 'overview';

/** Rule segments: nested conditions on profiles, orders, events, scores and other segments, with a live count; and an overview of all of them. */
export function SegmentsView() {
  const segments = useApi('segments.list', {});
  const fields = useApi('customers.fields', {});
  const vocabulary = useApi('segments.vocabulary', {});
  const [tab, setTab] = useState<Tab>('builder');
  const [edited, setDraft] = useSegmentDraft();
  // Until the user picks or edits one, the first segment is shown.
  const draft = edited ?? (segments.data?.[0] ? draftOf(segments.data[0]) : null);
  const unsaved = isUnsaved(edited, segments.data);
  const fresh = (): Draft => newDraft(newLeaf('field', { field: 'country', eventType: '', segmentId: null }));

  /** Moving to another segment would drop this draft's changes: ask first. */
  const leaveDraft = (next: Draft) => {
    if (unsaved && edited && !window.confirm(`Discard your unsaved changes to “${edited.name.trim() || 'the new segment'}”?`)) return;
    setDraft(next);
    setTab('builder');
  };

  return (
    <div className="page" style={{ height: '100%' }}>
      <div className="page-header">
        <h1>Segments</h1>
        <div className="segmented" role="tablist" aria-label="Segments views">
          {(['builder', 'overview'] as const).map((name) => (
            <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
              {name === 'builder' ? 'Builder' : 'Overview'}
            </button>
          ))}
        </div>
        <span style={{ flex: 1 }} />
        <ExportAudienceButton segments={segments.data} selectedId={draft?.id ?? null} />
        <button className="btn btn-primary" onClick={() => leaveDraft(fresh())}>
          + New segment
        </button>
      </div>
      {tab === 'overview' ? (
        <SegmentOverviewPanel />
      ) : (
        <div className="split segments-split">
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
            <SegmentEditor
              draft={draft}
              setDraft={setDraft}
              segments={segments.data ?? []}
              fields={fields.data ?? []}
              vocabulary={vocabulary.data ?? NO_VOCABULARY}
            />
          ) : (
            segments.data && (
              <div className="card empty">
                <h2>Build a segment</h2>
                Combine conditions on profile fields, orders, events, scores and other segments, and see who matches as you type.
                <button className="btn btn-primary" onClick={() => setDraft(fresh())}>
                  + New segment
                </button>
              </div>
            )
          )}
        </div>
      )}
    </div>
  );
}
