import type { Segment, SegmentKind } from '../../../shared/contract/schemas';
import { formatWhen } from '../../ui/format';

interface Props {
  kind: SegmentKind;
  onChange: (kind: SegmentKind) => void;
  /** The saved segment, when there is one: a static one shows its snapshot's date and can be refreshed. */
  saved: Segment | undefined;
  onRefresh: () => void;
  refreshing: boolean;
}

/** Dynamic (re-evaluated on every read) or static (a dated snapshot, re-taken only on Refresh); Refresh on a dynamic one records its count. */
export function KindField({ kind, onChange, saved, onRefresh, refreshing }: Props) {
  const snapshot = saved?.kind === 'static' ? saved.refreshedAt : null;
  return (
    <div className="field">
      <span id="segment-kind-label">Kind</span>
      <span className="as-of">
        <span className="segmented" role="group" aria-labelledby="segment-kind-label">
          {(['dynamic', 'static'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={kind === option}
              onClick={() => onChange(option)}
              title={
                option === 'dynamic'
                  ? 'Members are re-evaluated whenever the data or the as-of date change'
                  : 'Members are a snapshot, re-taken only when you refresh'
              }
            >
              {option === 'dynamic' ? 'Dynamic' : 'Static'}
            </button>
          ))}
        </span>
        {kind === 'static' && saved?.kind === 'static' && (
          <span className="muted" data-testid="snapshot-date">
            {snapshot ? `snapshot of ${formatWhen(snapshot)}` : 'no snapshot yet'}
          </span>
        )}
        {kind === 'static' && saved?.kind !== 'static' && <span className="muted">saving takes its snapshot</span>}
        {saved && saved.kind === kind && (
          <button
            type="button"
            className="btn btn-sm"
            onClick={onRefresh}
            disabled={refreshing}
            title={
              kind === 'static' ? 'Take the snapshot again now' : 'Record the count now, for "change since last refresh" in the overview'
            }
          >
            Refresh
          </button>
        )}
      </span>
    </div>
  );
}
