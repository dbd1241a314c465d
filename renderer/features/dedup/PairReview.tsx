import type { DedupPair, SurvivorshipConfigInput } from '../../../shared/contract/schemas';
import { countOf, formatWhen } from '../../ui/format';
import { compareRows } from '../../../shared/dedup/compare-rows';

const AGREEMENT_TEXT = { equal: 'agrees', similar: 'similar', different: 'differs', missing: 'one side empty' } as const;

export function sideTitle(side: DedupPair['a']): string {
  const name = [side.customer.first_name, side.customer.last_name].filter(Boolean).join(' ');
  return name || side.customer.email || side.customer.id;
}

/** Both profiles side by side: what agreed and what did not, and which value a merge keeps (bold). */
export function PairReview({
  pair,
  survivorId,
  rules,
  onKeep,
  labels,
}: {
  pair: DedupPair;
  survivorId: string;
  rules: SurvivorshipConfigInput | undefined;
  onKeep: (id: string) => void;
  labels?: ReadonlyMap<string, string>;
}) {
  const rows = compareRows(pair, survivorId, rules, labels);
  const sides = [pair.a, pair.b] as const;
  return (
    <div>
      <p style={{ margin: '0 0 12px' }}>
        <span className="badge">score {pair.score.toFixed(3)}</span>{' '}
        <span className="muted" data-testid="pair-explanation">
          {pair.explanation}
        </span>
      </p>
      <table className="table dedup-compare" aria-label="Compare the two customers">
        <thead>
          <tr>
            <th>Field</th>
            {sides.map((side) => (
              <th key={side.customer.id}>
                {sideTitle(side)} <span className="mono">{side.customer.id}</span>{' '}
                {side.customer.id === survivorId ? (
                  <span className="badge badge-success">survives</span>
                ) : (
                  <button className="btn btn-sm btn-ghost" onClick={() => onKeep(side.customer.id)}>
                    Keep this one
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-agreement={row.agreement}>
              <td>
                {row.label} <span className="muted">· {AGREEMENT_TEXT[row.agreement]}</span>
              </td>
              <td className={row.keeps === 'a' ? 'keeps' : undefined} title={row.keeps === 'a' ? `Kept: ${row.reason}` : undefined}>
                {row.a}
              </td>
              <td className={row.keeps === 'b' ? 'keeps' : undefined} title={row.keeps === 'b' ? `Kept: ${row.reason}` : undefined}>
                {row.b}
              </td>
            </tr>
          ))}
          <tr>
            <td>Orders · events</td>
            {sides.map((side) => (
              <td key={side.customer.id} data-testid={`activity-${side.customer.id}`}>
                {countOf(side.orders, 'order')} · {countOf(side.events, 'event')}
              </td>
            ))}
          </tr>
          <tr>
            <td>Source · updated</td>
            {sides.map((side) => (
              <td key={side.customer.id} className="muted">
                {side.source ?? 'unknown'} · {formatWhen(side.updatedAt)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
