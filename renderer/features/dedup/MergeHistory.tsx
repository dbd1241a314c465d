import type { DedupMerge } from '../../../shared/contract/schemas';
import { countOf } from '../../ui/format';

const REASON = {
  same: 'same',
  only_value: 'only value',
  most_recent: 'most recent',
  most_complete: 'most complete',
  preferred_source: 'preferred source',
};

/** Recent merges with their provenance (what came from the merged record, what moved), each undoable. */
export function MergeHistory({ merges, onUndo, busy }: { merges: DedupMerge[]; onUndo: (merge: DedupMerge) => void; busy: boolean }) {
  if (merges.length === 0) return <p className="muted">No merges yet. Merges can be undone here.</p>;
  return (
    <div aria-label="Merges" role="list">
      {merges.map((merge) => {
        const took = merge.chosen.filter((c) => c.from === merge.mergedId && c.reason !== 'same');
        return (
          <div key={merge.id} className="dedup-merge" role="listitem" data-testid={`merge-${merge.id}`}>
            <div>
              <b>{merge.mergedLabel}</b> merged into <b>{merge.survivorLabel}</b>
              {merge.automatic && <span className="badge"> auto</span>}
            </div>
            <div className="muted">
              {countOf(merge.moved.orders, 'order')} and {countOf(merge.moved.events, 'event')} moved
              {merge.survivorNow && (
                <span data-testid="survivor-now">
                  {' '}
                  · {merge.survivorId} now has {countOf(merge.survivorNow.orders, 'order')}, {countOf(merge.survivorNow.events, 'event')}
                </span>
              )}
            </div>
            {took.length > 0 && (
              <div className="muted">
                Kept from {merge.mergedId}: {took.map((c) => `${c.field} (${REASON[c.reason]})`).join(', ')}
              </div>
            )}
            <button className="btn btn-sm" disabled={busy} onClick={() => onUndo(merge)} style={{ marginTop: 4 }}>
              Undo merge
            </button>
          </div>
        );
      })}
    </div>
  );
}
