import { useState } from 'react';
import type { SegmentOverview } from '../../../shared/contract/schemas';
import { errorMessage, useApi } from '../../api/queries';
import { formatCount, formatWhen } from '../../ui/format';
import { describePair } from './overlap-cells';
import { OverlapHeatmap } from './OverlapHeatmap';

function Change({ count, previous }: { count: number; previous: number | null }) {
  if (previous === null) return <span className="muted">—</span>;
  const delta = count - previous;
  if (delta === 0) return <span className="muted">±0</span>;
  return <span className={delta > 0 ? 'delta-up' : 'delta-down'}>{`${delta > 0 ? '+' : '−'}${formatCount(Math.abs(delta))}`}</span>;
}

function SizesTable({ overview }: { overview: SegmentOverview }) {
  return (
    <table className="table" aria-label="Segment sizes">
      <thead>
        <tr>
          <th>Segment</th>
          <th>Kind</th>
          <th className="num">Customers</th>
          <th className="num">Change since last refresh</th>
          <th>Refreshed</th>
        </tr>
      </thead>
      <tbody>
        {overview.segments.map((segment) => (
          <tr key={segment.id}>
            <td>{segment.name}</td>
            <td>
              <span className="badge">{segment.kind}</span>
            </td>
            <td className="num">{formatCount(segment.count)}</td>
            <td className="num">
              <Change count={segment.count} previous={segment.previousCount} />
            </td>
            <td className="muted">{segment.refreshedAt ? formatWhen(segment.refreshedAt) : 'never'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every segment's size, kind and change since its last refresh, and how they overlap. */
export function SegmentOverviewPanel() {
  const overview = useApi('segments.overview', {});
  const [pair, setPair] = useState<{ x: number; y: number } | null>(null);

  if (overview.error) return <div className="alert alert-danger">{errorMessage(overview.error)}</div>;
  if (!overview.data) return <div className="card empty">Counting every segment…</div>;
  const data = overview.data;
  if (data.segments.length === 0) {
    return (
      <div className="card empty" data-testid="overview-empty">
        <h2>No segments yet</h2>
        Build one in the Builder tab: its size, changes and overlaps with the others show here.
      </div>
    );
  }
  return (
    <div className="segment-overview">
      <div className="card">
        <SizesTable overview={data} />
      </div>
      <div className="card overlap-card">
        <h2>Overlaps</h2>
        <p className="muted">
          Customers in both segments of each pair, as of {data.asOf}; the diagonal is each segment’s size. Darker cells are a larger share
          of the row’s segment. Click a cell for the pair’s numbers.
        </p>
        <OverlapHeatmap overview={data} onPick={(x, y) => setPair({ x, y })} />
        <div className="overlap-pair" aria-live="polite" data-testid="overlap-pair">
          {pair ? describePair(data, pair.x, pair.y) : '\u00a0'}
        </div>
      </div>
    </div>
  );
}
